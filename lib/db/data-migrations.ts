/**
 * Migrations that SQL alone cannot write: they run in the same transaction as
 * the migration's SQL, right after it, and say what they found. Each is named
 * by the migration folder it belongs to.
 */
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { deviceKeys, type DeviceKeys } from '@/lib/services/device-keys';

/** Runs after the migration's SQL; returns what whoever upgrades should read. */
export type DataStep = (db: Database.Database) => string[];

export const DATA_STEPS: Readonly<Record<string, DataStep>> = {
  '20261203150000_device_identity': rekeyDevices,
};

interface DeviceRow {
  rowid: number;
  id: string;
  customerId: string;
  serialNumber: string | null;
  productKey: string | null;
  hardwareHash: string | null;
  manufacturer: string | null;
  model: string | null;
}

const KEY_NAMES = { hashDigest: 'hardwareHash', productKey: 'productKey', tupleDigest: 'tuple' } as const;
const PAGE = 1000;

/**
 * Recomputes every registered device's identity keys from its stored values
 * with the normalised rules. Devices that were registered under two spellings
 * now share a key: the first registered keeps it, the later one is left
 * without that key and recorded in DeviceKeyConflict, and reported. Nothing
 * is merged or removed: which registration is right is for a person to say.
 */
export function rekeyDevices(db: Database.Database): string[] {
  db.prepare(`UPDATE "Device" SET "hashDigest" = NULL, "tupleDigest" = NULL, "activeProductKey" = NULL WHERE "status" = 'REGISTERED'`).run();
  const read = db.prepare(
    `SELECT rowid, "id", "customerId", "serialNumber", "productKey", "hardwareHash", "manufacturer", "model"
       FROM "Device" WHERE "status" = 'REGISTERED' AND rowid > ? ORDER BY rowid LIMIT ${PAGE}`,
  );
  const write = db.prepare(`UPDATE "Device" SET "hashDigest" = ?, "tupleDigest" = ?, "activeProductKey" = ? WHERE "id" = ?`);
  const conflict = db.prepare(`INSERT INTO "DeviceKeyConflict" ("id", "keptId", "deviceId", "key", "detectedAt") VALUES (?, ?, ?, ?, ?)`);
  const holders = { hashDigest: new Map<string, DeviceRow>(), productKey: new Map<string, DeviceRow>(), tupleDigest: new Map<string, DeviceRow>() };
  const notes: string[] = [];
  let last = 0;
  for (;;) {
    const rows = read.all(last) as DeviceRow[];
    if (rows.length === 0) break;
    for (const row of rows) {
      const keys = deviceKeys(row);
      const kept: DeviceKeys = { hashDigest: null, productKey: null, tupleDigest: null };
      for (const kind of ['hashDigest', 'productKey', 'tupleDigest'] as const) {
        const key = keys[kind];
        if (key === null) continue;
        const holder = holders[kind].get(key);
        if (holder) {
          conflict.run(randomUUID(), holder.id, row.id, KEY_NAMES[kind], Date.now());
          notes.push(
            `Device ${row.id} (customer ${row.customerId}) is device ${holder.id} (customer ${holder.customerId}) written another way ` +
              `(same ${KEY_NAMES[kind]} once normalised): ${holder.id} keeps the key, ${row.id} is recorded in DeviceKeyConflict.`,
          );
        } else {
          holders[kind].set(key, row);
          kept[kind] = key;
        }
      }
      write.run(kept.hashDigest, kept.tupleDigest, kept.productKey, row.id);
      last = row.rowid;
    }
  }
  return notes;
}
