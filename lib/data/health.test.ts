/**
 * Readiness, on a real database: ready when it answers and is migrated, not
 * when a migration is missing or the instance is shutting down.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { freshDatabase } from '@/test-support/database';

freshDatabase();
const { prisma } = await import('@/lib/db/client');
const { GET: ready } = await import('@/app/api/health/ready/route');
const { GET: live } = await import('@/app/api/health/live/route');

const DRAINING = Symbol.for('autopilot-portal.draining');
afterEach(() => {
  delete (globalThis as Record<symbol, unknown>)[DRAINING];
});

describe('the health endpoints', () => {
  it('say live, and ready on a migrated database', async () => {
    expect(live().status).toBe(200);
    const response = await ready();
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({ status: 'ready', checks: { database: 'ok', migrations: 'ok', shuttingDown: false } });
  });

  it('say not ready, 503, while the instance shuts down', async () => {
    (globalThis as Record<symbol, unknown>)[DRAINING] = true;
    const response = await ready();
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ status: 'not ready', checks: { shuttingDown: true } });
  });

  it('say not ready, naming it, while a committed migration is not applied', async () => {
    const [last] = await prisma.$queryRaw<Array<{ migration_name: string }>>`SELECT "migration_name" FROM "_prisma_migrations" ORDER BY "migration_name" DESC LIMIT 1`;
    await prisma.$executeRaw`UPDATE "_prisma_migrations" SET "rolled_back_at" = "started_at" WHERE "migration_name" = ${last!.migration_name}`;
    try {
      const response = await ready();
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ checks: { database: 'ok', migrations: 'pending' }, pending: [last!.migration_name] });
    } finally {
      await prisma.$executeRaw`UPDATE "_prisma_migrations" SET "rolled_back_at" = NULL WHERE "migration_name" = ${last!.migration_name}`;
    }
  });
});
