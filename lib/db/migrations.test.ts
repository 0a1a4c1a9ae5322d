/**
 * The committed migrations themselves, applied to a database that already
 * holds data, as an install being upgraded does.
 */
import { cpSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
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
