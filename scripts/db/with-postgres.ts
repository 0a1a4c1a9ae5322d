/**
 * Runs a command with a throwaway PostgreSQL cluster (test-support/postgres.ts)
 * whose URL is in POSTGRES_URL, then removes the cluster:
 *   npx tsx scripts/db/with-postgres.ts COMMAND [ARG...]
 */
import { spawnSync } from 'node:child_process';
import { startPostgres } from '@/test-support/postgres';

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error('Usage: with-postgres.ts COMMAND [ARG...]');
  process.exit(2);
}
const cluster = await startPostgres();
try {
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, POSTGRES_URL: cluster.url } });
  process.exitCode = result.status ?? 1;
} finally {
  cluster.stop();
}
