/**
 * The committed PostgreSQL migrations on a real, throwaway PostgreSQL
 * cluster: applied once even by instances starting together, recorded as
 * Prisma records them, and building the same models as the SQLite history.
 */
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseOf, startPostgres, type PostgresCluster } from '@/test-support/postgres';
import { migrationsDir } from './committed-migrations';
import { migratePostgres } from './migrate-postgres';
import { migrateSqlite } from './migrate-sqlite';

let cluster: PostgresCluster;
let databases = 0;

beforeAll(async () => {
  cluster = await startPostgres();
}, 60_000);
afterAll(() => cluster?.stop());

/** A new empty database in the cluster, and its URL. */
async function freshDatabase(): Promise<string> {
  const name = `migrations_${++databases}`;
  const admin = new pg.Client({ connectionString: cluster.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  return databaseOf(cluster.url, name);
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

describe('the PostgreSQL migrations', () => {
  it('are applied once, recorded as prisma migrate deploy records them, and not again', async () => {
    const url = await freshDatabase();
    const first = await migratePostgres(url);
    expect(first.applied).toEqual(['20261203160000_init']);
    const again = await migratePostgres(url);
    expect(again).toEqual({ applied: [], alreadyApplied: ['20261203160000_init'], notes: [] });
    const recorded = await query<{ migration_name: string; checksum: string; applied_steps_count: number; finished: boolean }>(
      url,
      'SELECT migration_name, checksum, applied_steps_count, finished_at IS NOT NULL AS finished FROM "_prisma_migrations"',
    );
    expect(recorded.map((r) => [r.migration_name, r.applied_steps_count, r.finished])).toEqual([['20261203160000_init', 1, true]]);
    expect(recorded[0]!.checksum).toMatch(/^[0-9a-f]{64}$/);
  });

  it('are applied by one of several instances starting at once; the others wait and find nothing to do', async () => {
    const url = await freshDatabase();
    const reports = await Promise.all([migratePostgres(url), migratePostgres(url), migratePostgres(url)]);
    expect(reports.map((r) => r.applied.length).sort()).toEqual([0, 0, 1]);
    expect(await query(url, 'SELECT count(*)::int AS n FROM "_prisma_migrations"')).toEqual([{ n: 1 }]);
  });

  it('apply none of a migration that fails, and refuse one changed after it was applied', async () => {
    const url = await freshDatabase();
    const dir = mkdtempSync(join(tmpdir(), 'pg-migrations-'));
    cpSync(migrationsDir(process.cwd(), 'postgresql'), dir, { recursive: true });
    cpSync(join(dir, '20261203160000_init'), join(dir, '20261203170000_broken'), { recursive: true });
    writeFileSync(join(dir, '20261203170000_broken', 'migration.sql'), 'CREATE TABLE "Half" ("id" TEXT);\nSELECT no_such_function();\n');
    await expect(migratePostgres(url, dir)).rejects.toThrow(/20261203170000_broken was not applied/);
    expect(await query(url, `SELECT to_regclass('"Half"') IS NULL AS absent`)).toEqual([{ absent: true }]);

    writeFileSync(join(dir, '20261203170000_broken', 'migration.sql'), 'CREATE TABLE "Half" ("id" TEXT);\n');
    await migratePostgres(url, dir);
    writeFileSync(join(dir, '20261203170000_broken', 'migration.sql'), 'CREATE TABLE "Half" ("id" TEXT, "more" TEXT);\n');
    await expect(migratePostgres(url, dir)).rejects.toThrow(/20261203170000_broken was changed after it was applied/);
  });

  it('keep the audit log append-only', async () => {
    const url = await freshDatabase();
    await migratePostgres(url);
    await query(url, `INSERT INTO "AuditEvent" ("id", "action", "targetType", "targetId") VALUES ('e1', 'test', 'Test', 't1')`);
    await expect(query(url, `UPDATE "AuditEvent" SET "action" = 'changed'`)).rejects.toThrow(/append-only/);
    await expect(query(url, `DELETE FROM "AuditEvent"`)).rejects.toThrow(/append-only/);
  });

  it('build the same tables, columns, nullability, unique keys and indexes as the SQLite migrations', async () => {
    const url = await freshDatabase();
    await migratePostgres(url);
    const file = join(mkdtempSync(join(tmpdir(), 'portal-models-')), 'portal.db');
    migrateSqlite(file);
    const sqlite = new Database(file, { readonly: true });
    const tables = (sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations' ORDER BY name`).all() as Array<{ name: string }>).map((t) => t.name);
    const sqliteColumns = tables.flatMap((t) =>
      (sqlite.prepare(`SELECT name, "notnull" AS required FROM pragma_table_info(?)`).all(t) as Array<{ name: string; required: number }>).map((c) => `${t}.${c.name} ${c.required ? 'NOT NULL' : 'NULL'}`),
    );
    const sqliteIndexes = (sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%'`).all() as Array<{ name: string }>).map((i) => i.name);
    sqlite.close();

    const pgColumns = (
      await query<{ t: string; c: string; nullable: string }>(
        url,
        `SELECT table_name AS t, column_name AS c, is_nullable AS nullable FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
      )
    ).map((r) => `${r.t}.${r.c} ${r.nullable === 'YES' ? 'NULL' : 'NOT NULL'}`);
    const pgIndexes = (await query<{ name: string }>(url, `SELECT indexname AS name FROM pg_indexes WHERE schemaname = 'public' AND indexname NOT LIKE '%_pkey' AND tablename <> '_prisma_migrations'`)).map((r) => r.name);

    expect(tables.length).toBeGreaterThan(10);
    expect(pgColumns.sort()).toEqual(sqliteColumns.sort());
    expect(pgIndexes.sort()).toEqual(sqliteIndexes.sort());
  });
});
