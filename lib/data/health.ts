/**
 * Whether this instance should be sent requests: for a load balancer's
 * readiness probe. Ready when the database answers, every committed migration
 * of its engine is applied, and the instance is not shutting down (server.mjs
 * marks it on SIGTERM).
 */
import 'server-only';
import { prisma } from '@/lib/db/client';
import { committedMigrations, migrationsDir } from '@/lib/db/committed-migrations';
import { databaseUrl, engineOf } from '@/lib/db/url';

export interface Readiness {
  ready: boolean;
  checks: { database: 'ok' | 'unreachable'; migrations: 'ok' | 'pending' | 'unknown'; shuttingDown: boolean };
  /** Committed migrations not applied yet. */
  pending: string[];
}

const DRAINING = Symbol.for('autopilot-portal.draining');
/** A database slower than this to say "1" is not one to send requests to. */
const DATABASE_TIMEOUT_MS = 2_000;

function shuttingDown(): boolean {
  return (globalThis as Record<symbol, unknown>)[DRAINING] === true;
}

async function appliedMigrations(): Promise<string[] | null> {
  const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), DATABASE_TIMEOUT_MS).unref());
  const query = prisma.$queryRaw<Array<{ migration_name: string }>>`SELECT "migration_name" FROM "_prisma_migrations" WHERE "finished_at" IS NOT NULL AND "rolled_back_at" IS NULL`
    .then((rows) => rows.map((r) => r.migration_name))
    .catch(() => null);
  return Promise.race([query, timeout]);
}

export async function readiness(): Promise<Readiness> {
  const applied = await appliedMigrations();
  const committed = committedMigrations(migrationsDir(process.cwd(), engineOf(databaseUrl()))).map((m) => m.name);
  const pending = applied === null ? [] : committed.filter((name) => !applied.includes(name));
  const checks = {
    database: applied === null ? ('unreachable' as const) : ('ok' as const),
    migrations: applied === null ? ('unknown' as const) : pending.length > 0 ? ('pending' as const) : ('ok' as const),
    shuttingDown: shuttingDown(),
  };
  return { ready: checks.database === 'ok' && checks.migrations === 'ok' && !checks.shuttingDown, checks, pending };
}
