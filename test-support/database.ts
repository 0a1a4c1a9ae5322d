/**
 * A fresh embedded database for one test file: migrated and empty, in a
 * temporary folder. A test creates what it needs with test-support/factories.ts;
 * nothing depends on the demo seed. Call before importing anything that
 * opens the database.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrateSqlite } from '@/lib/db/migrate-sqlite';

export function freshDatabase(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'portal-test-')), 'test.db');
  process.env.DATABASE_URL = `file:${file}`;
  // Consent tokens are signed with it: a fixed one keeps tests from writing data/auth-secret.
  process.env.AUTH_SECRET ??= 'a-fixed-secret-for-tests-only-0123456789';
  migrateSqlite(file);
  return file;
}
