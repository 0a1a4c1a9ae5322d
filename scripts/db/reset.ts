/** Starts again from an empty embedded database with the demo data. */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { migrateSqlite } from '@/lib/db/migrate-sqlite';
import { databaseUrl, sqliteFile } from '@/lib/db/url';

const url = databaseUrl();
if (!url.startsWith('file:')) throw new Error(`db:reset only resets the embedded database, not ${url}`);
const file = sqliteFile(url);
for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
migrateSqlite(file);
execFileSync(process.execPath, ['--import', 'tsx', 'prisma/seed.ts'], { stdio: 'inherit' });
console.log(`Reset ${file}.`);
