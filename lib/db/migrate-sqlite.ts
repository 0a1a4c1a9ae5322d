/**
 * Applies the committed migrations (prisma/migrations) to a SQLite database,
 * recording them exactly as `prisma migrate deploy` does (the
 * `_prisma_migrations` table, SHA-256 checksums), so that Prisma's own
 * commands agree with it wherever its schema engine is available.
 *
 * Each migration is applied as Prisma's schema engine applies it to SQLite:
 * foreign keys are switched off first, outside any transaction (SQLite ignores
 * the switch inside one), so that a table rebuild (create a copy, fill it,
 * drop the original, rename the copy) does not delete the rows that refer to
 * the dropped table through ON DELETE CASCADE. The migration then runs in a
 * transaction that commits only if every reference still points at a row.
 * A migration that SQL alone cannot write has a data step (data-migrations.ts)
 * that runs in the same transaction, after the SQL.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { committedMigrations, migrationsDir, plan, type MigrationReport } from './committed-migrations';
import { DATA_STEPS, type DataStep } from './data-migrations';

export { migrationsDir, type MigrationReport };

const MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;


interface ForeignKeyViolation {
  table: string;
  rowid: number | null;
  parent: string;
}


/** What `PRAGMA foreign_key_check` found: one line per table and the table its rows refer to. */
function describeViolations(name: string, violations: ForeignKeyViolation[]): string {
  const groups = new Map<string, ForeignKeyViolation[]>();
  for (const v of violations) {
    const key = JSON.stringify([v.table, v.parent]);
    groups.set(key, [...(groups.get(key) ?? []), v]);
  }
  const lines = [...groups.values()].map((rows) => {
    const { table, parent } = rows[0]!;
    const ids = rows.slice(0, 10).map((r) => r.rowid ?? '?').join(', ') + (rows.length > 10 ? ', …' : '');
    return `  ${rows.length} ${rows.length === 1 ? 'row' : 'rows'} of "${table}" (rowid ${ids}) refer to missing rows of "${parent}"`;
  });
  return `Migration ${name} was not applied: it would leave rows that refer to missing rows.\n${lines.join('\n')}`;
}

/** Applies every migration not applied yet, each in its own transaction with foreign keys checked at its end. */
export function migrateSqlite(file: string, dir = migrationsDir(), steps: Readonly<Record<string, DataStep>> = DATA_STEPS): MigrationReport {
  if (file !== ':memory:') mkdirSync(/*turbopackIgnore: true*/ dirname(file), { recursive: true });
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.exec(MIGRATIONS_TABLE);
    const done = new Map(
      (db.prepare('SELECT migration_name, checksum FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL').all() as Array<{
        migration_name: string;
        checksum: string;
      }>).map((row) => [row.migration_name, row.checksum]),
    );
    const report: MigrationReport = { applied: [], alreadyApplied: [], notes: [] };
    for (const { name, sql, checksum, applied } of plan(committedMigrations(dir), done)) {
      if (applied) {
        report.alreadyApplied.push(name);
        continue;
      }
      report.notes.push(...applyOne(db, name, sql, checksum, steps[name]));
      report.applied.push(name);
    }
    return report;
  } finally {
    db.close();
  }
}

/** One migration: its SQL, then its data step if it has one, in one transaction. Returns the step's notes. */
function applyOne(db: Database.Database, name: string, sql: string, checksum: string, step: DataStep | undefined): string[] {
  const id = randomUUID();
  db.pragma('foreign_keys = OFF');
  try {
    return db.transaction(() => {
      db.prepare('INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at) VALUES (?, ?, ?, ?)').run(id, checksum, name, Date.now());
      db.exec(sql);
      const notes = step ? step(db) : [];
      const violations = db.pragma('foreign_key_check') as ForeignKeyViolation[];
      if (violations.length > 0) throw new Error(describeViolations(name, violations));
      db.prepare('UPDATE _prisma_migrations SET finished_at = ?, applied_steps_count = 1 WHERE id = ?').run(Date.now(), id);
      return notes;
    })();
  } finally {
    db.pragma('foreign_keys = ON');
  }
}
