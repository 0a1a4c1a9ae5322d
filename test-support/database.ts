/**
 * A fresh embedded database for one test file: migrated and seeded with the
 * demo data, in a temporary folder. Call before importing anything that
 * opens the database.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrateSqlite } from '@/lib/db/migrate-sqlite';

export function freshDatabase(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'portal-test-')), 'test.db');
  process.env.DATABASE_URL = `file:${file}`;
  migrateSqlite(file);
  execFileSync(process.execPath, ['--import', 'tsx', 'prisma/seed.ts'], { env: process.env, stdio: 'ignore' });
  return file;
}
