/**
 * The committed migrations themselves, applied to a database that already
 * holds data, as an install being upgraded does.
 */
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { DeviceIdentifiers } from '@/lib/autopilot';
import { deviceKeys } from '@/lib/services/device-keys';
import { fakeHash, seeded, withoutPadding } from '@/test-data/generate';
import { migrateSqlite, migrationsDir } from './migrate-sqlite';

/** A copy of the committed migrations up to (not including) `before`. */
function migrationsBefore(before: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'portal-migrations-'));
  for (const name of readdirSync(migrationsDir()).filter((n) => n < before)) cpSync(join(migrationsDir(), name), join(dir, name), { recursive: true });
  return dir;
}

describe('the committed migrations', () => {
  it('give the API keys made before scopes existed every scope, and keep them and their partner', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'portal-upgrade-')), 'portal.db');
    migrateSqlite(file, migrationsBefore('20261203090000_api_key_scopes'));
    const db = new Database(file);
    db.prepare(`INSERT INTO "Partner" ("id", "name", "kind", "createdAt") VALUES ('p1', 'Northwind Devices', 'OEM', 0)`).run();
    db.prepare(`INSERT INTO "ApiKey" ("id", "partnerId", "name", "prefix", "keyHash", "createdAt") VALUES ('k1', 'p1', 'Factory line 3', 'apk_abc', 'h1', 0)`).run();
    db.close();

    expect(migrateSqlite(file).applied).toContain('20261203090000_api_key_scopes');
    const upgraded = new Database(file);
    expect(upgraded.prepare(`SELECT "id", "partnerId", "name", "scopes" FROM "ApiKey"`).all()).toEqual([
      { id: 'k1', partnerId: 'p1', name: 'Factory line 3', scopes: 'read,write,delete' },
    ]);
    expect(upgraded.pragma('foreign_key_check')).toEqual([]);
    upgraded.close();
  });

  it('rebuild the user table for session versions without losing a user, or a batch or consent that names one', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'portal-upgrade-')), 'portal.db');
    migrateSqlite(file, migrationsBefore('20261203100000_sessions_and_throttle'));
    const db = new Database(file);
    db.exec(`
      INSERT INTO "Partner" ("id", "name", "kind", "createdAt") VALUES ('p1', 'Contoso Partner', 'CSP', 0);
      INSERT INTO "Customer" ("id", "name", "domain", "createdAt") VALUES ('c1', 'Fabrikam, Inc.', 'fabrikam.example', 0);
      INSERT INTO "User" ("id", "email", "name", "passwordHash", "role", "partnerId", "createdAt") VALUES ('u1', 'ana@contoso.example', 'Ana', 'h', 'PARTNER_ADMIN', 'p1', 0);
      INSERT INTO "User" ("id", "email", "name", "passwordHash", "role", "customerId", "createdAt") VALUES ('u2', 'felix@fabrikam.example', 'Felix', 'h', 'CUSTOMER_ADMIN', 'c1', 0);
      INSERT INTO "Relationship" ("id", "partnerId", "customerId", "kind", "status", "approvedById", "approvedAt", "createdAt", "updatedAt") VALUES ('r1', 'p1', 'c1', 'RESELLER', 'ACTIVE', 'u2', 0, 0, 0);
      INSERT INTO "DeviceBatch" ("id", "partnerId", "customerId", "uploadedById", "groupTag", "source", "sourceDetail", "deviceCount", "createdAt") VALUES ('b1', 'p1', 'c1', 'u1', 'tag', 'FILES', 'a.csv', 0, 0);
    `);
    db.close();

    expect(migrateSqlite(file).applied).toContain('20261203100000_sessions_and_throttle');
    const upgraded = new Database(file);
    expect(upgraded.prepare(`SELECT "id", "email", "sessionVersion" FROM "User" ORDER BY "id"`).all()).toEqual([
      { id: 'u1', email: 'ana@contoso.example', sessionVersion: 0 },
      { id: 'u2', email: 'felix@fabrikam.example', sessionVersion: 0 },
    ]);
    expect(upgraded.prepare(`SELECT "approvedById" FROM "Relationship"`).get()).toEqual({ approvedById: 'u2' });
    expect(upgraded.prepare(`SELECT "uploadedById" FROM "DeviceBatch"`).get()).toEqual({ uploadedById: 'u1' });
    expect(upgraded.pragma('foreign_key_check')).toEqual([]);
    upgraded.close();
  });

  it('re-key every registered device by its normalised identity, and report the devices registered twice under two spellings', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'portal-upgrade-')), 'portal.db');
    migrateSqlite(file, migrationsBefore('20261203150000_device_identity'));
    const db = new Database(file);
    db.exec(`
      INSERT INTO "Partner" ("id", "name", "kind", "createdAt") VALUES ('p1', 'Contoso Partner', 'CSP', 0);
      INSERT INTO "Customer" ("id", "name", "domain", "createdAt") VALUES ('woodgrove', 'Woodgrove', 'woodgrove.example', 0), ('tailspin', 'Tailspin', 'tailspin.example', 0);
      INSERT INTO "DeviceBatch" ("id", "partnerId", "customerId", "groupTag", "source", "sourceDetail", "deviceCount", "createdAt")
        VALUES ('bw', 'p1', 'woodgrove', 'tag', 'FILES', 'a.csv', 3, 0), ('bt', 'p1', 'tailspin', 'tag', 'FILES', 'b.csv', 3, 0);
    `);
    // The keys as they were computed before: digests of the raw strings.
    const raw = (text: string) => createHash('sha256').update(text).digest('hex');
    const hash = fakeHash(seeded(11));
    const insert = db.prepare(
      `INSERT INTO "Device" ("id", "customerId", "partnerId", "batchId", "serialNumber", "productKey", "activeProductKey", "hardwareHash", "hashDigest",
        "manufacturer", "model", "tupleDigest", "groupTag", "status", "createdAt") VALUES (?, ?, 'p1', ?, ?, ?, ?, ?, ?, ?, ?, ?, 'tag', ?, 0)`,
    );
    const device = (id: string, customer: string, d: { serial?: string; pk?: string; hash?: string; manufacturer?: string; model?: string }, status = 'REGISTERED') => {
      const tuple = d.serial && d.manufacturer && d.model ? raw(`${d.serial}\u0000${d.manufacturer}\u0000${d.model}`) : null;
      const active = status === 'REGISTERED';
      insert.run(id, customer, customer === 'woodgrove' ? 'bw' : 'bt', d.serial ?? null, d.pk ?? null, active ? (d.pk ?? null) : null, d.hash ?? null,
        active && d.hash ? raw(d.hash) : null, d.manufacturer ?? null, d.model ?? null, active ? tuple : null, status);
    };
    device('w1', 'woodgrove', { serial: 'SN-1', manufacturer: 'Northwind', model: 'NW 14' });
    device('w2', 'woodgrove', { serial: 'SN-2', hash });
    device('w3', 'woodgrove', { pk: 'abcde-12345' });
    device('t1', 'tailspin', { serial: 'sn-1 ', manufacturer: 'NORTHWIND', model: 'NW  14' });
    device('t2', 'tailspin', { serial: 'SN-2', hash: withoutPadding(hash) });
    device('t3', 'tailspin', { serial: 'SN-1', manufacturer: 'Northwind', model: 'NW 14' }, 'DEREGISTERED');
    device('t4', 'tailspin', { serial: 'SN-4', manufacturer: 'Northwind', model: 'NW 14' });
    db.close();

    const report = migrateSqlite(file);
    expect(report.applied).toContain('20261203150000_device_identity');
    expect(report.notes).toHaveLength(2);
    expect(report.notes[0]).toMatch(/Device t1 \(customer tailspin\) is device w1 \(customer woodgrove\).*same tuple/);
    expect(report.notes[1]).toMatch(/Device t2 \(customer tailspin\) is device w2 \(customer woodgrove\).*same hardwareHash/);

    const upgraded = new Database(file);
    const rows = upgraded.prepare(`SELECT "id", "serialNumber", "model", "hardwareHash", "hashDigest", "tupleDigest", "activeProductKey", "status" FROM "Device" ORDER BY "id"`).all() as Array<Record<string, string | null>>;
    const byId = new Map(rows.map((r) => [r.id, r]));
    // Nothing merged or lost, and every value as it was written.
    expect(rows.map((r) => [r.id, r.serialNumber, r.model, r.status])).toEqual([
      ['t1', 'sn-1 ', 'NW  14', 'REGISTERED'],
      ['t2', 'SN-2', null, 'REGISTERED'],
      ['t3', 'SN-1', 'NW 14', 'DEREGISTERED'],
      ['t4', 'SN-4', 'NW 14', 'REGISTERED'],
      ['w1', 'SN-1', 'NW 14', 'REGISTERED'],
      ['w2', 'SN-2', null, 'REGISTERED'],
      ['w3', null, null, 'REGISTERED'],
    ]);
    expect(byId.get('t2')!.hardwareHash).toBe(withoutPadding(hash));
    // The keys are the normalised ones: what registering any spelling now computes.
    const keysOf = (d: Partial<DeviceIdentifiers>) => deviceKeys({ serialNumber: null, productKey: null, hardwareHash: null, manufacturer: null, model: null, ...d });
    expect(byId.get('w1')!.tupleDigest).toBe(keysOf({ serialNumber: 'sn-1', manufacturer: 'northwind', model: 'nw 14' }).tupleDigest);
    expect(byId.get('w2')!.hashDigest).toBe(keysOf({ hardwareHash: withoutPadding(hash) }).hashDigest);
    expect(byId.get('w3')!.activeProductKey).toBe(keysOf({ productKey: 'ABCDE-12345' }).productKey);
    expect(byId.get('t4')!.tupleDigest).toBe(keysOf({ serialNumber: 'SN-4', manufacturer: 'Northwind', model: 'NW 14' }).tupleDigest);
    // The later of each pair is left without the key; the deregistered device holds none.
    expect([byId.get('t1')!.tupleDigest, byId.get('t2')!.hashDigest, byId.get('t3')!.tupleDigest, byId.get('t3')!.hashDigest]).toEqual([null, null, null, null]);
    expect(upgraded.prepare(`SELECT "keptId", "deviceId", "key" FROM "DeviceKeyConflict" ORDER BY "deviceId"`).all()).toEqual([
      { keptId: 'w1', deviceId: 't1', key: 'tuple' },
      { keptId: 'w2', deviceId: 't2', key: 'hardwareHash' },
    ]);
    upgraded.close();
  });

  it('build, from nothing, the tables the Prisma schema describes', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'portal-fresh-')), 'portal.db');
    migrateSqlite(file);
    const db = new Database(file);
    const tables = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all() as Array<{ name: string }>).map((t) => t.name);
    db.close();
    const models = [...readFileSync('prisma/schema.prisma', 'utf8').matchAll(/^model (\w+) \{/gm)].map((m) => m[1]!);
    expect(models.length).toBeGreaterThan(5);
    expect(tables).toEqual([...models, '_prisma_migrations'].sort());
  });
});
