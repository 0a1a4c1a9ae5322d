import { databaseUrl, sqliteFile } from '@/lib/db/url';
import { migrateSqlite } from '@/lib/db/migrate-sqlite';

const report = migrateSqlite(sqliteFile(databaseUrl()));
for (const name of report.applied) console.log(`applied ${name}`);
for (const note of report.notes) console.warn(note);
console.log(`Database is up to date (${report.applied.length} applied, ${report.alreadyApplied.length} already there).`);
