/**
 * The committed migrations of one engine, as `prisma migrate deploy` reads
 * them: one folder per migration, named so that they sort in the order they
 * are applied, each with a `migration.sql` whose SHA-256 is its checksum.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export interface MigrationReport {
  applied: string[];
  alreadyApplied: string[];
  /** What the data steps found that whoever upgrades should read (see data-migrations.ts). */
  notes: string[];
}

export interface CommittedMigration {
  name: string;
  sql: string;
  checksum: string;
}

/** The SQLite migrations, or the PostgreSQL ones. */
export function migrationsDir(root = process.cwd(), engine: 'sqlite' | 'postgresql' = 'sqlite'): string {
  return engine === 'sqlite' ? join(root, 'prisma', 'migrations') : join(root, 'prisma', 'postgresql', 'migrations');
}

export function committedMigrations(dir: string): CommittedMigration[] {
  // The folder is read where the server runs; the bundler is told not to trace it.
  return readdirSync(/*turbopackIgnore: true*/ dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(/*turbopackIgnore: true*/ join(dir, e.name, 'migration.sql')))
    .map((e) => e.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(/*turbopackIgnore: true*/ join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

/** What to do with each committed migration, given the checksums of those already applied. */
export function plan(migrations: CommittedMigration[], done: ReadonlyMap<string, string>): Array<CommittedMigration & { applied: boolean }> {
  return migrations.map((m) => {
    const previous = done.get(m.name);
    if (previous !== undefined && previous !== m.checksum) throw new Error(`Migration ${m.name} was changed after it was applied.`);
    return { ...m, applied: previous !== undefined };
  });
}
