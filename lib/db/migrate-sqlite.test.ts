import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrateSqlite } from './migrate-sqlite';

const PARENT_AND_CHILDREN = `
CREATE TABLE "Customer" ("id" TEXT NOT NULL PRIMARY KEY, "name" TEXT NOT NULL);
CREATE TABLE "Device" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "customerId" TEXT NOT NULL,
    CONSTRAINT "Device_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "Customer" ("id", "name") VALUES ('c1', 'Fabrikam'), ('c2', 'Tailspin');
INSERT INTO "Device" ("id", "customerId") VALUES ('d1', 'c1'), ('d2', 'c1'), ('d3', 'c2');
`;

// A column added with a table rebuild, as `prisma migrate diff` writes it for SQLite.
const REBUILD_PARENT = `
-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Customer" ("id" TEXT NOT NULL PRIMARY KEY, "name" TEXT NOT NULL, "domain" TEXT);
INSERT INTO "new_Customer" ("id", "name") SELECT "id", "name" FROM "Customer";
DROP TABLE "Customer";
ALTER TABLE "new_Customer" RENAME TO "Customer";
PRAGMA foreign_key_check;
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
`;

let root: string;
let migrations: string;
let file: string;

function migration(name: string, sql: string) {
  mkdirSync(join(migrations, name), { recursive: true });
  writeFileSync(join(migrations, name, 'migration.sql'), sql);
}

function query<T>(sql: string): T[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'migrate-test-'));
  migrations = join(root, 'migrations');
  file = join(root, 'db', 'test.db');
  mkdirSync(migrations);
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('applying the migrations', () => {
  it('keeps every child row when a parent table is rebuilt', () => {
    migration('20260101000000_init', PARENT_AND_CHILDREN);
    migration('20260102000000_customer_domain', REBUILD_PARENT);

    const report = migrateSqlite(file, migrations);

    expect(report.applied).toEqual(['20260101000000_init', '20260102000000_customer_domain']);
    expect(query<{ id: string }>('SELECT "id" FROM "Device" ORDER BY "id"').map((r) => r.id)).toEqual(['d1', 'd2', 'd3']);
    expect(query<{ name: string }>('PRAGMA table_info("Customer")').map((c) => c.name)).toContain('domain');
    // The rebuilt table is still the one the devices refer to.
    const db = new Database(file);
    try {
      expect(() => db.prepare(`INSERT INTO "Device" ("id", "customerId") VALUES ('d9', 'nobody')`).run()).toThrow(/FOREIGN KEY/);
      db.prepare(`DELETE FROM "Customer" WHERE "id" = 'c2'`).run();
      expect(db.prepare('SELECT "id" FROM "Device" ORDER BY "id"').all()).toEqual([{ id: 'd1' }, { id: 'd2' }]);
    } finally {
      db.close();
    }
  });

  it('records each migration as Prisma does and leaves the database in WAL mode', () => {
    migration('20260101000000_init', PARENT_AND_CHILDREN);
    migrateSqlite(file, migrations);

    const rows = query<{ migration_name: string; checksum: string; finished_at: number | null; applied_steps_count: number }>(
      'SELECT migration_name, checksum, finished_at, applied_steps_count FROM _prisma_migrations',
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ migration_name: '20260101000000_init', applied_steps_count: 1 });
    expect(rows[0]!.checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0]!.finished_at).not.toBeNull();
    expect(query<{ journal_mode: string }>('PRAGMA journal_mode')[0]!.journal_mode).toBe('wal');
  });

  it('refuses a migration that leaves rows pointing at missing rows, and records nothing of it', () => {
    migration('20260101000000_init', PARENT_AND_CHILDREN);
    migration('20260102000000_lose_customers', `DELETE FROM "Customer" WHERE "id" = 'c1';`);

    expect(() => migrateSqlite(file, migrations)).toThrow(/20260102000000_lose_customers.*"Device".*"Customer"/s);

    expect(query<{ migration_name: string }>('SELECT migration_name FROM _prisma_migrations').map((r) => r.migration_name)).toEqual([
      '20260101000000_init',
    ]);
    expect(query<{ id: string }>('SELECT "id" FROM "Customer" ORDER BY "id"').map((r) => r.id)).toEqual(['c1', 'c2']);
    expect(query<{ id: string }>('SELECT "id" FROM "Device" ORDER BY "id"').map((r) => r.id)).toEqual(['d1', 'd2', 'd3']);
  });

  it('refuses a migration that was changed after it was applied', () => {
    migration('20260101000000_init', PARENT_AND_CHILDREN);
    migrateSqlite(file, migrations);
    migration('20260101000000_init', `${PARENT_AND_CHILDREN}\n-- edited later\n`);

    expect(() => migrateSqlite(file, migrations)).toThrow(/20260101000000_init was changed after it was applied/);
  });

  it('applies nothing when run again', () => {
    migration('20260101000000_init', PARENT_AND_CHILDREN);
    migration('20260102000000_customer_domain', REBUILD_PARENT);
    migrateSqlite(file, migrations);

    const again = migrateSqlite(file, migrations);

    expect(again).toEqual({ applied: [], notes: [], alreadyApplied: ['20260101000000_init', '20260102000000_customer_domain'] });
    expect(query<{ n: number }>('SELECT count(*) AS n FROM _prisma_migrations')[0]!.n).toBe(2);
    expect(query<{ n: number }>('SELECT count(*) AS n FROM "Device"')[0]!.n).toBe(3);
  });

  it('runs a migration’s data step after its SQL, in its transaction, and passes on what the step found', () => {
    migration('20260101000000_init', PARENT_AND_CHILDREN);
    migration('20260102000000_customer_domain', REBUILD_PARENT);
    const steps = {
      '20260102000000_customer_domain': (db: Database.Database) => {
        db.prepare(`UPDATE "Customer" SET "domain" = lower("name") || '.example'`).run();
        return ['named every customer’s domain'];
      },
    };

    expect(migrateSqlite(file, migrations, steps)).toMatchObject({ applied: ['20260101000000_init', '20260102000000_customer_domain'], notes: ['named every customer’s domain'] });
    expect(query<{ domain: string }>('SELECT "domain" FROM "Customer" ORDER BY "id"').map((r) => r.domain)).toEqual(['fabrikam.example', 'tailspin.example']);
  });

  it('applies none of a migration whose data step fails: its SQL is rolled back and it runs again next time', () => {
    migration('20260101000000_init', PARENT_AND_CHILDREN);
    migration('20260102000000_customer_domain', REBUILD_PARENT);
    const failing = {
      '20260102000000_customer_domain': (): string[] => {
        throw new Error('the step failed');
      },
    };

    expect(() => migrateSqlite(file, migrations, failing)).toThrow(/the step failed/);
    expect(query<{ name: string }>(`SELECT name FROM pragma_table_info('Customer')`).map((c) => c.name)).toEqual(['id', 'name']);
    expect(migrateSqlite(file, migrations, {}).applied).toEqual(['20260102000000_customer_domain']);
  });
});
