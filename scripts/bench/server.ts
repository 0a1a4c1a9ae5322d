/**
 * Figures from the production build, served on a database of its own:
 * - the Devices page for a customer with 100,000 devices against one with
 *   100 (paging happens in the database, so the first should cost hardly
 *   more than the second);
 * - a 500-device batch through the REST API, request to finished status,
 *   against the validator alone on the same devices.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { validateDevices } from '@/lib/autopilot';
import { newApiKey } from '@/lib/auth/api-keys';
import bcrypt from 'bcryptjs';
import { hashPassword } from '@/lib/auth/password';
import { fakeHash, seeded } from '@/test-data/generate';
import { migrateSqlite } from '@/lib/db/migrate-sqlite';
import { fmt, median } from './measure';
import { benchSignInOverHttp, SIGN_IN_ACCOUNTS, type SignInHttpFigures } from './sign-in-http';

export interface ApiFigures {
  devices: number;
  apiMs: number;
  validatorMs: number;
  ratio: number;
}

export interface DevicesPageFigures {
  bigDevices: number;
  smallDevices: number;
  bigMs: number;
  smallMs: number;
  ratio: number;
}

const PORT = 3300;
const BASE = `http://localhost:${PORT}`;
const PASSWORD = 'bench-password-1';

async function fillDatabase(file: string, big: number, small: number, apiKeyHash: string) {
  migrateSqlite(file);
  const db = new Database(file);
  const now = new Date().toISOString();
  const passwordHash = await hashPassword(PASSWORD);
  // Accounts for the sign-in measure: hashes as an install from before keeps them (bcrypt), and as made now.
  const bcryptHash = await bcrypt.hash(PASSWORD, 12);
  db.transaction(() => {
    const account = db.prepare(`INSERT INTO "User" ("id", "email", "name", "passwordHash", "role", "partnerId", "createdAt") VALUES (?, ?, 'Bench', ?, 'PARTNER_SALES', 'p', ?)`);
    db.prepare(`INSERT INTO "Partner" ("id", "name", "kind", "createdAt") VALUES ('p', 'Bench Partner', 'CSP', ?)`).run(now);
    for (let n = 0; n < SIGN_IN_ACCOUNTS; n++) {
      account.run(`bcrypt-${n}`, `bcrypt-${n}@bench.example`, bcryptHash, now);
      account.run(`scrypt-${n}`, `scrypt-${n}@bench.example`, passwordHash, now);
    }
    db.prepare(
      `INSERT INTO "User" ("id", "email", "name", "passwordHash", "role", "partnerId", "createdAt") VALUES ('u', 'bench@partner.example', 'Bench', ?, 'PARTNER_ADMIN', 'p', ?)`,
    ).run(passwordHash, now);
    db.prepare(`INSERT INTO "ApiKey" ("id", "partnerId", "name", "prefix", "keyHash", "createdAt") VALUES ('k', 'p', 'Bench key', 'apk_bench', ?, ?)`).run(apiKeyHash, now);
    for (const [id, count] of [['big', big], ['small', small]] as const) {
      db.prepare(`INSERT INTO "Customer" ("id", "name", "domain", "createdAt") VALUES (?, ?, ?, ?)`).run(id, `Customer ${id}`, `${id}.example`, now);
      db.prepare(
        `INSERT INTO "Relationship" ("id", "partnerId", "customerId", "kind", "status", "approvedAt", "createdAt", "updatedAt") VALUES (?, 'p', ?, 'RESELLER', 'ACTIVE', ?, ?, ?)`,
      ).run(`r-${id}`, id, now, now, now);
      db.prepare(
        `INSERT INTO "DeviceBatch" ("id", "partnerId", "customerId", "groupTag", "source", "sourceDetail", "deviceCount", "createdAt") VALUES (?, 'p', ?, 'Microsoft365Managed_Standard', 'FILES', 'bench.csv', ?, ?)`,
      ).run(`b-${id}`, id, count, now);
      const insert = db.prepare(
        `INSERT INTO "Device" ("id", "customerId", "partnerId", "batchId", "serialNumber", "productKey", "activeProductKey", "groupTag", "createdAt") VALUES (?, ?, 'p', ?, ?, ?, ?, 'Microsoft365Managed_Standard', ?)`,
      );
      const offset = id === 'big' ? 0 : 5_000_000;
      for (let i = 0; i < count; i++) {
        const n = offset + i;
        const productKey = (3_300_000_000_000 + n).toString();
        insert.run(`${id}-${n}`, id, `b-${id}`, `SN${n.toString().padStart(9, '0')}`, productKey, productKey, new Date(Date.now() - n * 1000).toISOString());
      }
    }
  })();
  db.close();
}

async function waitForServer(): Promise<void> {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${BASE}/sign-in`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('the portal did not start');
}

function cookiesOf(response: Response): string[] {
  return response.headers.getSetCookie().map((c) => c.split(';')[0]!);
}

async function signIn(): Promise<string> {
  const csrfResponse = await fetch(`${BASE}/api/auth/csrf`);
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const jar = cookiesOf(csrfResponse);
  const response = await fetch(`${BASE}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar.join('; ') },
    body: new URLSearchParams({ email: 'bench@partner.example', password: PASSWORD, csrfToken, callbackUrl: BASE }),
  });
  const session = cookiesOf(response).find((c) => c.startsWith('authjs.session-token='));
  if (!session) throw new Error('could not sign in');
  return session;
}

async function timePage(path: string, cookie: string): Promise<number> {
  const start = performance.now();
  const response = await fetch(`${BASE}${path}`, { headers: { cookie } });
  const html = await response.text();
  const ms = performance.now() - start;
  if (!response.ok || !html.includes('SN')) throw new Error(`${path} answered ${response.status}`);
  return ms;
}

function apiDevices(count: number, seed: number) {
  const random = seeded(seed);
  return Array.from({ length: count }, (_, i) => ({ serialNumber: `BENCH${seed}-${i}`, hardwareHash: fakeHash(random) }));
}

async function benchApi(key: string, devices: number, rounds: number): Promise<ApiFigures> {
  const apiTimes: number[] = [];
  const validatorTimes: number[] = [];
  for (let i = 0; i < rounds + 2; i++) {
    const batch = apiDevices(devices, 50_000 + i);
    const body = JSON.stringify({ batchId: `Bench ${i}`, groupTag: 'Microsoft365Managed_Standard', devices: batch });
    let start = performance.now();
    const created = await fetch(`${BASE}/api/v1/customers/small/deviceBatches`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body,
    });
    if (created.status !== 202) throw new Error(`the API answered ${created.status}: ${await created.text()}`);
    let status = 'queued';
    while (status !== 'finished' && status !== 'finished_with_errors') {
      const job = (await (await fetch(`${BASE}${created.headers.get('location')}`, { headers: { authorization: `Bearer ${key}` } })).json()) as { status: string };
      status = job.status;
    }
    const apiMs = performance.now() - start;
    if (status !== 'finished') throw new Error(`the batch finished with errors`);

    const ids = batch.map((d) => ({ serialNumber: d.serialNumber, productKey: null, hardwareHash: d.hardwareHash, manufacturer: null, model: null }));
    start = performance.now();
    const verdict = validateDevices(ids, { groupTag: 'Microsoft365Managed_Standard' });
    const validatorMs = performance.now() - start;
    if (!verdict.accepted) throw new Error('the generated devices should pass');
    if (i >= 2) {
      apiTimes.push(apiMs);
      validatorTimes.push(validatorMs);
    }
  }
  const apiMs = median(apiTimes);
  const validatorMs = median(validatorTimes);
  return { devices, apiMs, validatorMs, ratio: apiMs / validatorMs };
}

export async function benchServer(
  big = 100_000,
  small = 100,
  rounds = 40,
): Promise<{ devicesPage: DevicesPageFigures; api: ApiFigures; signIn: SignInHttpFigures[] }> {
  if (!existsSync('.next/BUILD_ID')) execFileSync('npx', ['next', 'build'], { stdio: 'inherit' });
  const dir = mkdtempSync(join(tmpdir(), 'bench-page-'));
  const file = join(dir, 'bench.db');
  const apiKey = newApiKey();
  await fillDatabase(file, big, small, apiKey.hash);
  const server = spawn('npx', ['next', 'start', '-p', String(PORT)], {
    env: {
      ...process.env,
      DATABASE_URL: `file:${file}`,
      AUTH_SECRET: 'bench-secret-bench-secret-bench-secret',
      NEXT_TELEMETRY_DISABLED: '1',
      API_RATE_LIMIT: '10000,1000',
    },
    stdio: 'ignore',
    detached: true,
  });
  try {
    await waitForServer();
    const cookie = await signIn();
    const bigTimes: number[] = [];
    const smallTimes: number[] = [];
    for (let i = 0; i < rounds + 5; i++) {
      const b = await timePage('/customers/big/devices', cookie);
      const s = await timePage('/customers/small/devices', cookie);
      if (i >= 5) {
        bigTimes.push(b);
        smallTimes.push(s);
      }
    }
    const bigMs = median(bigTimes);
    const smallMs = median(smallTimes);
    const api = await benchApi(apiKey.key, 500, 10);
    const signInFigures = await benchSignInOverHttp(BASE);
    return { devicesPage: { bigDevices: big, smallDevices: small, bigMs, smallMs, ratio: bigMs / smallMs }, api, signIn: signInFigures };
  } finally {
    if (server.pid) process.kill(-server.pid, 'SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}

export function printDevicesPage(f: DevicesPageFigures): void {
  console.log('Devices page (production build, signed in, first page of 25), median of requests taken in turns');
  console.log('');
  console.log(`| ${fmt(f.bigDevices, 0)} devices | ${fmt(f.smallDevices, 0)} devices | ratio (target ≤ 1.5) |`);
  console.log('|---:|---:|---:|');
  console.log(`| ${fmt(f.bigMs, 1)} ms | ${fmt(f.smallMs, 1)} ms | ${fmt(f.ratio, 2)} |`);
  console.log('');
}

export function printApi(f: ApiFigures): void {
  console.log(`REST API: a ${f.devices}-device batch, request to finished status, against the validator alone on the same devices (median)`);
  console.log('');
  console.log('| API, end to end | validator alone | ratio |');
  console.log('|---:|---:|---:|');
  console.log(`| ${fmt(f.apiMs, 1)} ms | ${fmt(f.validatorMs, 2)} ms | ${fmt(f.ratio, 1)} |`);
  console.log('');
}
