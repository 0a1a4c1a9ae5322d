/**
 * Starts again from an empty database with the demo data: the embedded
 * SQLite file is removed; on PostgreSQL, everything in the database's public
 * schema is dropped, which is why it asks for --yes there.
 */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import pg from 'pg';
import { describeDatabase, migrate } from '@/lib/db/migrate';
import { databaseUrl, engineOf, sqliteFile } from '@/lib/db/url';

const url = databaseUrl();
if (engineOf(url) === 'sqlite') {
  const file = sqliteFile(url);
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
} else {
  if (!process.argv.includes('--yes')) {
    console.error(`db:reset drops every table of ${describeDatabase(url)}. Run it again with: npm run db:reset -- --yes`);
    process.exit(1);
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
  await client.end();
}
await migrate(url);
execFileSync(process.execPath, ['--import', 'tsx', 'prisma/seed.ts'], { stdio: 'inherit' });
console.log(`Reset ${describeDatabase(url)}.`);
