/**
 * A fresh database for one test file, migrated and empty. A test creates
 * what it needs with test-support/factories.ts; nothing depends on the demo
 * seed. Call before importing anything that opens the database.
 *
 * On SQLite (the default), a file in a temporary folder. In the PostgreSQL
 * project of vitest.config.ts (TEST_DATABASE=postgresql), a database of its
 * own in the run's throwaway cluster, copied from the migrated template
 * (test-support/postgres-global.ts).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { migrateSqlite } from '@/lib/db/migrate-sqlite';
import { databaseOf, postgresBin, TEMPLATE_DATABASE } from './postgres';

let copies = 0;

export function freshDatabase(): string {
  // Consent tokens are signed with it: a fixed one keeps tests from writing data/auth-secret.
  process.env.AUTH_SECRET ??= 'a-fixed-secret-for-tests-only-0123456789';
  if (process.env.TEST_DATABASE === 'postgresql') {
    const cluster = inject('postgresUrl');
    const name = `test_${process.pid}_${++copies}_${Date.now().toString(36)}`;
    execFileSync(join(postgresBin(), 'psql'), ['--quiet', '--dbname', cluster, '--command', `CREATE DATABASE "${name}" TEMPLATE "${TEMPLATE_DATABASE}"`]);
    const url = databaseOf(cluster, name);
    process.env.DATABASE_URL = url;
    return url;
  }
  const file = join(mkdtempSync(join(tmpdir(), 'portal-test-')), 'test.db');
  process.env.DATABASE_URL = `file:${file}`;
  migrateSqlite(file);
  return file;
}

/** Runs SQL on the test file's database with the given client (raw, engine-specific: the tests' own). */
interface RawExecutor {
  $executeRawUnsafe(sql: string): Promise<number>;
}

const onPostgres = () => process.env.TEST_DATABASE === 'postgresql';

/**
 * Makes the database refuse every write, as a read-only or full database
 * does, until the returned function is called: SQLite's `query_only`; on
 * PostgreSQL, triggers raising `read_only_sql_transaction` (25006), what a
 * read-only server answers.
 */
export async function refuseWrites(db: RawExecutor): Promise<() => Promise<void>> {
  if (!onPostgres()) {
    await db.$executeRawUnsafe('PRAGMA query_only = ON');
    return async () => void (await db.$executeRawUnsafe('PRAGMA query_only = OFF'));
  }
  await db.$executeRawUnsafe(`CREATE FUNCTION "test_refuse_writes"() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION 'cannot execute % in a read-only transaction', TG_OP USING ERRCODE = '25006'; END; $$`);
  await db.$executeRawUnsafe(`DO $$ DECLARE t text; BEGIN
    FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' LOOP
      EXECUTE format('CREATE TRIGGER "test_refuse_writes" BEFORE INSERT OR UPDATE OR DELETE ON %I FOR EACH STATEMENT EXECUTE FUNCTION "test_refuse_writes"()', t);
    END LOOP; END $$`);
  return async () => {
    await db.$executeRawUnsafe(`DROP FUNCTION "test_refuse_writes"() CASCADE`);
  };
}

/** Makes the database refuse to store a device with this serial number (a constraint, a full disk), until the returned function is called. */
export async function refuseDevice(db: RawExecutor, serialNumber: string): Promise<() => Promise<void>> {
  const literal = `'${serialNumber.replace(/'/g, "''")}'`;
  if (!onPostgres()) {
    await db.$executeRawUnsafe(
      `CREATE TRIGGER "test_refuse_device" BEFORE INSERT ON "Device" WHEN NEW."serialNumber" = ${literal} BEGIN SELECT RAISE(ABORT, 'refused by the test'); END`,
    );
    return async () => void (await db.$executeRawUnsafe(`DROP TRIGGER "test_refuse_device"`));
  }
  await db.$executeRawUnsafe(`CREATE FUNCTION "test_refuse_device"() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN IF NEW."serialNumber" = ${literal} THEN RAISE EXCEPTION 'refused by the test'; END IF; RETURN NEW; END; $$`);
  await db.$executeRawUnsafe(`CREATE TRIGGER "test_refuse_device" BEFORE INSERT ON "Device" FOR EACH ROW EXECUTE FUNCTION "test_refuse_device"()`);
  return async () => void (await db.$executeRawUnsafe(`DROP FUNCTION "test_refuse_device"() CASCADE`));
}
