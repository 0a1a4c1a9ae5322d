/**
 * Vitest's global setup for the PostgreSQL project: one throwaway cluster for
 * the run, and in it a database migrated once (`portal_template`) that every
 * test file copies into a database of its own (test-support/database.ts).
 */
import type { TestProject } from 'vitest/node';
import { migratePostgres } from '@/lib/db/migrate-postgres';
import { databaseOf, startPostgres, TEMPLATE_DATABASE } from './postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const cluster = await startPostgres();
  const pg = (await import('pg')).default;
  const admin = new pg.Client({ connectionString: cluster.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${TEMPLATE_DATABASE}"`);
  await admin.end();
  await migratePostgres(databaseOf(cluster.url, TEMPLATE_DATABASE));
  project.provide('postgresUrl', cluster.url);
  return () => cluster.stop();
}
