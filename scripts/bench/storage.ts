/**
 * Storing a 500-device batch through the one registration path (relationship
 * check, conflict lookup, batch, devices, audit, one transaction) against a
 * bare better-sqlite3 insert of the same rows in one transaction; and the
 * same registration with identity keys normalised (as it is) against keys
 * digested from the raw strings (as they were before).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { validateUpload } from '@/lib/autopilot';
import { createPrismaClient, type PrismaClient } from '@/lib/db/client';
import { migrateSqlite } from '@/lib/db/migrate-sqlite';
import { requireCustomerScope } from '@/lib/data/scope';
import { createHash } from 'node:crypto';
import type { DeviceIdentifiers } from '@/lib/autopilot';
import { hashDigest, type DeviceKeys } from '@/lib/services/device-keys';
import { registerDevices } from '@/lib/services/registration';
import { ansi, fakeDeviceList } from '@/test-data/generate';
import { fmt, median } from './measure';

export interface StorageFigures {
  devices: number;
  registerMs: number;
  bareInsertMs: number;
  ratio: number;
  /** The same registration with the keys digested from the raw strings, as before identities were normalised. */
  rawKeysMs: number;
  normalisedRatio: number;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The keys as they were computed before identities were normalised: digests of the values as written. */
function rawKeys(d: DeviceIdentifiers): DeviceKeys {
  return {
    hashDigest: d.hardwareHash === null ? null : sha256(d.hardwareHash),
    productKey: d.productKey,
    tupleDigest: d.serialNumber !== null && d.manufacturer !== null && d.model !== null ? sha256(`${d.serialNumber}\u0000${d.manufacturer}\u0000${d.model}`) : null,
  };
}

/** A partner acting for a customer through an API key's scope, and a batch to put bare rows in: what both storage measures start from. */
export async function benchTenant(prisma: PrismaClient, devices: number) {
  const partner = await prisma.partner.create({ data: { name: 'Bench partner', kind: 'CSP' } });
  const customer = await prisma.customer.create({ data: { name: 'Bench customer', domain: 'bench.example' } });
  await prisma.relationship.create({ data: { partnerId: partner.id, customerId: customer.id, kind: 'RESELLER', status: 'ACTIVE', approvedAt: new Date() } });
  const scope = await requireCustomerScope(
    { type: 'api-key', keyId: 'bench', keyName: 'Bench key', scopes: ['read', 'write', 'delete'], partnerId: partner.id, partnerName: partner.name, partnerKind: 'CSP' },
    customer.id,
    prisma,
  );
  const batch = await prisma.deviceBatch.create({ data: { partnerId: partner.id, customerId: customer.id, groupTag: 'bench', source: 'FILES', sourceDetail: 'bare', deviceCount: devices } });
  return { partner, customer, scope, batch };
}

/** A generated list of `devices` that the validator accepts, as the registration path receives it. */
export function validList(devices: number, seed: number): DeviceIdentifiers[] {
  const v = validateUpload([{ name: 'list.csv', bytes: ansi(fakeDeviceList({ devices, seed })) }]);
  if (!v.accepted) throw new Error('the generated list should pass');
  return v.devices;
}

export async function benchStorage(devices = 500, rounds = 15): Promise<StorageFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-storage-'));
  const file = join(dir, 'bench.db');
  migrateSqlite(file);
  const prisma = createPrismaClient(`file:${file}`);
  const bare = new Database(file);
  try {
    const { partner, customer, scope, batch } = await benchTenant(prisma, devices);
    const insert = bare.prepare(
      `INSERT INTO "Device" ("id", "customerId", "partnerId", "batchId", "serialNumber", "productKey", "hardwareHash", "hashDigest",
        "manufacturer", "model", "tupleDigest", "groupTag", "status", "createdAt") VALUES (?, ?, ?, ?, ?, NULL, ?, ?, NULL, NULL, NULL, ?, 'REGISTERED', ?)`,
    );
    const list = (seed: number) => validList(devices, seed);

    const register = async (forRegister: DeviceIdentifiers[], keys?: (d: DeviceIdentifiers) => DeviceKeys) => {
      const start = performance.now();
      const result = await registerDevices(
        scope,
        { groupTag: 'Microsoft365Managed_Standard', profile: 'standard', mode: 'standard', source: 'FILES', sourceDetail: 'bench.csv', devices: forRegister },
        prisma,
        keys,
      );
      if (result.registered !== devices) throw new Error(`registered ${result.registered} of ${devices}`);
      return performance.now() - start;
    };

    const registerTimes: number[] = [];
    const rawKeysTimes: number[] = [];
    const bareTimes: number[] = [];
    for (let round = 0; round < rounds + 2; round++) {
      const forRegister = list(100_000 + round);
      const forRawKeys = list(300_000 + round);
      const forBare = list(200_000 + round).map((d) => ({ ...d, digest: hashDigest(d.hardwareHash!) }));
      // Taken in turns, the order changing each round, so that neither path always follows the other.
      let registerMs: number;
      let rawKeysMs: number;
      if (round % 2 === 0) {
        registerMs = await register(forRegister);
        rawKeysMs = await register(forRawKeys, rawKeys);
      } else {
        rawKeysMs = await register(forRawKeys, rawKeys);
        registerMs = await register(forRegister);
      }

      const start = performance.now();
      const now = new Date().toISOString();
      bare.transaction(() => {
        for (const d of forBare) {
          insert.run(crypto.randomUUID(), customer.id, partner.id, batch.id, d.serialNumber, d.hardwareHash, d.digest, 'Microsoft365Managed_Standard', now);
        }
      })();
      const bareMs = performance.now() - start;
      // The first rounds warm every path up.
      if (round >= 2) {
        registerTimes.push(registerMs);
        rawKeysTimes.push(rawKeysMs);
        bareTimes.push(bareMs);
      }
    }
    const registerMs = median(registerTimes);
    const bareInsertMs = median(bareTimes);
    const rawKeysMs = median(rawKeysTimes);
    return { devices, registerMs, bareInsertMs, ratio: registerMs / bareInsertMs, rawKeysMs, normalisedRatio: registerMs / rawKeysMs };
  } finally {
    bare.close();
    await prisma.$disconnect();
    rmSync(dir, { recursive: true, force: true });
  }
}

export function printStorage(f: StorageFigures): void {
  console.log(`Storing a batch: ${f.devices} devices through the registration path against a bare better-sqlite3 insert of the same rows in one transaction (median)`);
  console.log('');
  console.log('| registration | bare insert | ratio (target ≤ 2) |');
  console.log('|---:|---:|---:|');
  console.log(`| ${fmt(f.registerMs, 2)} ms | ${fmt(f.bareInsertMs, 2)} ms | ${fmt(f.ratio, 2)} |`);
  console.log('');
  console.log(`Identity keys: the same registration of ${f.devices} devices with normalised keys (as it is) against keys digested from the raw strings (as before), median`);
  console.log('');
  console.log('| normalised keys | raw keys | ratio (target ≤ 1.1) |');
  console.log('|---:|---:|---:|');
  console.log(`| ${fmt(f.registerMs, 2)} ms | ${fmt(f.rawKeysMs, 2)} ms | ${fmt(f.normalisedRatio, 2)} |`);
  console.log('');
}
