/**
 * Storing a 500-device batch on PostgreSQL (a throwaway cluster started as
 * the tests start it, fsync off, the same for both paths) through the one
 * registration path, against a bare multi-row INSERT of the same rows
 * through `pg` in one transaction.
 */
import pg from 'pg';
import { createPrismaClient } from '@/lib/db/client';
import { migratePostgres } from '@/lib/db/migrate-postgres';
import { hashDigest } from '@/lib/services/device-keys';
import { registerDevices } from '@/lib/services/registration';
import { startPostgres } from '@/test-support/postgres';
import { fmt, median } from './measure';
import { benchTenant, validList } from './storage';

export interface PostgresStorageFigures {
  devices: number;
  registerMs: number;
  bareInsertMs: number;
  ratio: number;
}

const COLUMNS = 9;

export async function benchStorageOnPostgres(devices = 500, rounds = 15): Promise<PostgresStorageFigures> {
  const cluster = await startPostgres();
  const prisma = createPrismaClient(cluster.url);
  const bare = new pg.Client({ connectionString: cluster.url });
  try {
    await migratePostgres(cluster.url);
    await bare.connect();
    const { partner, customer, scope, batch } = await benchTenant(prisma, devices);
    const list = (seed: number) => validList(devices, seed);

    const registerTimes: number[] = [];
    const bareTimes: number[] = [];
    for (let round = 0; round < rounds + 2; round++) {
      const forRegister = list(400_000 + round);
      const forBare = list(500_000 + round).map((d) => ({ ...d, digest: hashDigest(d.hardwareHash!) }));
      let start = performance.now();
      const result = await registerDevices(
        scope,
        { groupTag: 'Microsoft365Managed_Standard', profile: 'standard', mode: 'standard', source: 'FILES', sourceDetail: 'bench.csv', devices: forRegister },
        prisma,
      );
      const registerMs = performance.now() - start;
      if (result.registered !== devices) throw new Error(`registered ${result.registered} of ${devices}`);

      start = performance.now();
      const now = new Date();
      const values: unknown[] = [];
      const rows = forBare.map((d, i) => {
        values.push(crypto.randomUUID(), customer.id, partner.id, batch.id, d.serialNumber, d.hardwareHash, d.digest, 'Microsoft365Managed_Standard', now);
        const at = i * COLUMNS;
        return `($${at + 1}, $${at + 2}, $${at + 3}, $${at + 4}, $${at + 5}, $${at + 6}, $${at + 7}, $${at + 8}, 'REGISTERED', $${at + 9})`;
      });
      await bare.query('BEGIN');
      await bare.query(
        `INSERT INTO "Device" ("id", "customerId", "partnerId", "batchId", "serialNumber", "hardwareHash", "hashDigest", "groupTag", "status", "createdAt") VALUES ${rows.join(', ')}`,
        values,
      );
      await bare.query('COMMIT');
      const bareMs = performance.now() - start;
      if (round >= 2) {
        registerTimes.push(registerMs);
        bareTimes.push(bareMs);
      }
    }
    const registerMs = median(registerTimes);
    const bareInsertMs = median(bareTimes);
    return { devices, registerMs, bareInsertMs, ratio: registerMs / bareInsertMs };
  } finally {
    await bare.end().catch(() => undefined);
    await prisma.$disconnect();
    cluster.stop();
  }
}

export function printStorageOnPostgres(f: PostgresStorageFigures): void {
  console.log(`Storing a batch on PostgreSQL: ${f.devices} devices through the registration path against a bare multi-row INSERT of the same rows through pg in one transaction (median)`);
  console.log('');
  console.log('| registration | bare insert | ratio (target ≤ 2) |');
  console.log('|---:|---:|---:|');
  console.log(`| ${fmt(f.registerMs, 2)} ms | ${fmt(f.bareInsertMs, 2)} ms | ${fmt(f.ratio, 2)} |`);
  console.log('');
}
