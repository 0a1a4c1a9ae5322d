/**
 * A throwaway PostgreSQL cluster, really started: `initdb` in a temporary
 * folder and `pg_ctl start` on a free port of 127.0.0.1, removed by `stop()`.
 * PostgreSQL refuses to run as root (CI runs as root): then every command
 * runs as the `postgres` user that Debian's package creates, in a folder that
 * user owns. The server binaries are Debian's (`apt-get install postgresql`),
 * under /usr/lib/postgresql/<version>/bin; POSTGRES_BIN overrides the folder.
 */
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The database of the tests' cluster that every test file's database is copied from (postgres-global.ts). */
export const TEMPLATE_DATABASE = 'portal_template';

/** The URL of another database of the same cluster. */
export function databaseOf(clusterUrl: string, name: string): string {
  return clusterUrl.replace(/\/postgres$/, `/${name}`);
}

export interface PostgresCluster {
  /** A URL of the cluster's `postgres` database, as its superuser `portal`. */
  url: string;
  port: number;
  stop(): void;
}

/** The folder of PostgreSQL's server binaries: the newest version installed, 15 or later. */
export function postgresBin(): string {
  if (process.env.POSTGRES_BIN) return process.env.POSTGRES_BIN;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => /^\d+$/.test(v) && Number(v) >= 15 && existsSync(join(root, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions.length === 0) {
    throw new Error('PostgreSQL 15 or later is not installed: `sudo apt-get install postgresql` (Debian), or set POSTGRES_BIN to its bin folder.');
  }
  return join(root, versions[0]!, 'bin');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

const asRoot = process.getuid?.() === 0;

/** Runs one of PostgreSQL's programs, as `postgres` when this process is root. */
function run(bin: string, program: string, args: string[]): void {
  const command = join(bin, program);
  if (asRoot) execFileSync('runuser', ['-u', 'postgres', '--', command, ...args], { stdio: 'pipe' });
  else execFileSync(command, args, { stdio: 'pipe' });
}

export async function startPostgres(): Promise<PostgresCluster> {
  const bin = postgresBin();
  const dir = mkdtempSync(join(tmpdir(), 'portal-pg-'));
  if (asRoot) {
    const ids = execFileSync('id', ['-u', 'postgres']).toString().trim();
    const gid = execFileSync('id', ['-g', 'postgres']).toString().trim();
    chownSync(dir, Number(ids), Number(gid));
  }
  const data = join(dir, 'data');
  const port = await freePort();
  try {
    run(bin, 'initdb', ['-D', data, '-U', 'portal', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
    // Throwaway data: durability is not wanted, speed is.
    const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
    run(bin, 'pg_ctl', ['-D', data, '-o', options, '-l', join(dir, 'server.log'), '-w', 'start']);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  let stopped = false;
  return {
    url: `postgresql://portal@127.0.0.1:${port}/postgres`,
    port,
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        run(bin, 'pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
