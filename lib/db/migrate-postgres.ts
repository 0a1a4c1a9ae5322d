/**
 * Applies the committed PostgreSQL migrations (prisma/postgresql/migrations),
 * recording them exactly as `prisma migrate deploy` does (the
 * `_prisma_migrations` table, SHA-256 checksums), so that Prisma's own
 * commands agree with it wherever its engines can be downloaded.
 *
 * Several instances may start at once: each takes the same advisory lock
 * first, so one applies what is missing while the others wait, then find
 * nothing left to do. Each migration runs in its own transaction
 * (PostgreSQL's DDL is transactional): all of it, or none.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { committedMigrations, migrationsDir, plan, type MigrationReport } from './committed-migrations';

/** Any number, the same in every instance: the advisory lock that migrations take. */
const MIGRATION_LOCK = 72_657_001;

const MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

/** A data step of a PostgreSQL migration: runs in its transaction, after its SQL; returns its notes. */
export type PostgresDataStep = (client: pg.ClientBase) => Promise<string[]>;

export async function migratePostgres(
  url: string,
  dir = migrationsDir(process.cwd(), 'postgresql'),
  steps: Readonly<Record<string, PostgresDataStep>> = {},
): Promise<MigrationReport> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await client.query(MIGRATIONS_TABLE);
    const { rows } = await client.query<{ migration_name: string; checksum: string }>(
      'SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
    );
    const done = new Map(rows.map((r) => [r.migration_name, r.checksum]));
    const report: MigrationReport = { applied: [], alreadyApplied: [], notes: [] };
    for (const { name, sql, checksum, applied } of plan(committedMigrations(dir), done)) {
      if (applied) {
        report.alreadyApplied.push(name);
        continue;
      }
      await client.query('BEGIN');
      try {
        const id = randomUUID();
        await client.query('INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at) VALUES ($1, $2, $3, now())', [id, checksum, name]);
        await client.query(sql);
        const step = steps[name];
        if (step) report.notes.push(...(await step(client)));
        await client.query('UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1', [id]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw new Error(`Migration ${name} was not applied: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
      }
      report.applied.push(name);
    }
    return report;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await client.end();
  }
}
