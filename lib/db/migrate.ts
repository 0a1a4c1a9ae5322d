/**
 * Brings the database that a URL names up to date with the committed
 * migrations of its engine: SQLite's (migrate-sqlite.ts) or PostgreSQL's
 * (migrate-postgres.ts).
 */
import type { MigrationReport } from './committed-migrations';
import { migratePostgres } from './migrate-postgres';
import { migrateSqlite } from './migrate-sqlite';
import { engineOf, sqliteFile } from './url';

export type { MigrationReport };

export function migrate(url: string): Promise<MigrationReport> {
  return engineOf(url) === 'postgresql' ? migratePostgres(url) : Promise.resolve(migrateSqlite(sqliteFile(url)));
}

/** Where the database is, for a person to read: the file, or the server and database without the password. */
export function describeDatabase(url: string): string {
  if (engineOf(url) === 'sqlite') return sqliteFile(url);
  const parsed = new URL(url);
  return `PostgreSQL ${parsed.host}${parsed.pathname}`;
}
