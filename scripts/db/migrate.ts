import { databaseUrl } from '@/lib/db/url';
import { describeDatabase, migrate } from '@/lib/db/migrate';

const url = databaseUrl();
const report = await migrate(url);
for (const name of report.applied) console.log(`applied ${name}`);
for (const note of report.notes) console.warn(note);
console.log(`Database ${describeDatabase(url)} is up to date (${report.applied.length} applied, ${report.alreadyApplied.length} already there).`);
