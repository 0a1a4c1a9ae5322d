/**
 * A fresh database for the browser tests: the committed migrations and the
 * demo data, in a file of its own, and an empty outbox. Refuses anything
 * but a local SQLite file.
 */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { migrateSqlite } from '@/lib/db/migrate-sqlite';
import { databaseUrl, sqliteFile } from '@/lib/db/url';

const url = databaseUrl();
if (!url.startsWith('file:') || !url.includes('e2e')) throw new Error(`Browser tests run only on their own local database, not ${url}`);
const file = sqliteFile(url);
for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
// The tests' mail, from a run before, goes too.
if (process.env.MAIL_OUTBOX?.includes('e2e')) rmSync(process.env.MAIL_OUTBOX, { recursive: true, force: true });
migrateSqlite(file);
execFileSync(process.execPath, ['--import', 'tsx', 'prisma/seed.ts'], { stdio: 'inherit', env: process.env });
