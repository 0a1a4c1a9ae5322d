/**
 * Applies the committed migrations (prisma/migrations) to a SQLite database,
 * recording them exactly as `prisma migrate deploy` does (the
 * `_prisma_migrations` table, SHA-256 checksums), so that Prisma's own
 * commands agree with it wherever its schema engine is available.
 */
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';

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

export interface MigrationReport {
  applied: string[];
  alreadyApplied: string[];
}

export function migrationsDir(root = process.cwd()): string {
  return join(root, 'prisma', 'migrations');
}

/** Applies every migration not applied yet, each in its own transaction. */
export function migrateSqlite(file: string, dir = migrationsDir()): MigrationReport {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
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
    const names = readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isDirectory() && existsSync(join(dir, e.name, 'migration.sql')))
      .map((e) => e.name)
      .sort();
    const report: MigrationReport = { applied: [], alreadyApplied: [] };
    for (const name of names) {
      const sql = readFileSync(join(dir, name, 'migration.sql'), 'utf8');
      const checksum = createHash('sha256').update(sql).digest('hex');
      const previous = done.get(name);
      if (previous !== undefined) {
        if (previous !== checksum) throw new Error(`Migration ${name} was changed after it was applied.`);
        report.alreadyApplied.push(name);
        continue;
      }
      const id = randomUUID();
      db.transaction(() => {
        db.prepare('INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at) VALUES (?, ?, ?, ?)').run(
          id,
          checksum,
          name,
          Date.now(),
        );
        db.exec(sql);
        db.prepare('UPDATE _prisma_migrations SET finished_at = ?, applied_steps_count = 1 WHERE id = ?').run(Date.now(), id);
      })();
      report.applied.push(name);
    }
    return report;
  } finally {
    db.close();
  }
}
