/**
 * The Devices page served by the production build, for a customer with
 * 100,000 devices against one with 100: paging happens in the database, so
 * the first should cost hardly more than the second.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { hashPassword } from '@/lib/auth/password';
import { migrateSqlite } from '@/lib/db/migrate-sqlite';
import { fmt, median } from './measure';

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

async function fillDatabase(file: string, big: number, small: number) {
  migrateSqlite(file);
  const db = new Database(file);
  const now = new Date().toISOString();
  const passwordHash = await hashPassword(PASSWORD);
  db.transaction(() => {
    db.prepare(`INSERT INTO "Partner" ("id", "name", "kind", "createdAt") VALUES ('p', 'Bench Partner', 'CSP', ?)`).run(now);
    db.prepare(
      `INSERT INTO "User" ("id", "email", "name", "passwordHash", "role", "partnerId", "createdAt") VALUES ('u', 'bench@partner.example', 'Bench', ?, 'PARTNER_ADMIN', 'p', ?)`,
    ).run(passwordHash, now);
    for (const [id, count] of [['big', big], ['small', small]] as const) {
      db.prepare(`INSERT INTO "Customer" ("id", "name", "domain", "createdAt") VALUES (?, ?, ?, ?)`).run(id, `Customer ${id}`, `${id}.example`, now);
      db.prepare(
        `INSERT INTO "Relationship" ("id", "partnerId", "customerId", "kind", "status", "approvedAt", "createdAt", "updatedAt") VALUES (?, 'p', ?, 'RESELLER', 'ACTIVE', ?, ?, ?)`,
      ).run(`r-${id}`, id, now, now, now);
      db.prepare(
        `INSERT INTO "DeviceBatch" ("id", "partnerId", "customerId", "groupTag", "source", "sourceDetail", "deviceCount", "createdAt") VALUES (?, 'p', ?, 'Microsoft365Managed_Standard', 'FILES', 'bench.csv', ?, ?)`,
      ).run(`b-${id}`, id, count, now);
      const insert = db.prepare(
        `INSERT INTO "Device" ("id", "customerId", "partnerId", "batchId", "serialNumber", "productKey", "groupTag", "createdAt") VALUES (?, ?, 'p', ?, ?, ?, 'Microsoft365Managed_Standard', ?)`,
      );
      const offset = id === 'big' ? 0 : 5_000_000;
      for (let i = 0; i < count; i++) {
        const n = offset + i;
        insert.run(`${id}-${n}`, id, `b-${id}`, `SN${n.toString().padStart(9, '0')}`, (3_300_000_000_000 + n).toString(), new Date(Date.now() - n * 1000).toISOString());
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

export async function benchDevicesPage(big = 100_000, small = 100, rounds = 40): Promise<DevicesPageFigures> {
  if (!existsSync('.next/BUILD_ID')) execFileSync('npx', ['next', 'build'], { stdio: 'inherit' });
  const dir = mkdtempSync(join(tmpdir(), 'bench-page-'));
  const file = join(dir, 'bench.db');
  await fillDatabase(file, big, small);
  const server = spawn('npx', ['next', 'start', '-p', String(PORT)], {
    env: { ...process.env, DATABASE_URL: `file:${file}`, AUTH_SECRET: 'bench-secret-bench-secret-bench-secret', NEXT_TELEMETRY_DISABLED: '1' },
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
    return { bigDevices: big, smallDevices: small, bigMs, smallMs, ratio: bigMs / smallMs };
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
