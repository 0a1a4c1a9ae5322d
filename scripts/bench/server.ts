/**
 * Figures from the production build, served on a database of its own:
 * - the Devices page for a customer with 100,000 devices against one with
 *   100 (paging happens in the database, so the first should cost hardly
 *   more than the second);
 * - a 500-device batch through the REST API, request to finished status,
 *   against the validator alone on the same devices;
 * - a page of a batch's devices through the REST API, deep in a
 *   10,000-device batch against the first of a 100-device one, 50 requests
 *   at a time (keyset paging: the first should cost hardly more);
 * - the Devices page's throughput, 10 requests at a time, alone and while
 *   5 clients keep posting 100-device batches to the REST API.
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
import { closedLoop, closedLoopFor, summarize, type LoadRun } from './load';
import { fmt, median } from './measure';
import { benchSignInOverHttp, SIGN_IN_ACCOUNTS, type SignInHttpFigures } from './sign-in-http';

export interface ApiFigures {
  devices: number;
  apiMs: number;
  validatorMs: number;
  ratio: number;
}

export interface DevicesUnderLoadFigures {
  /** The Devices page's concurrent connections, and the seconds each run lasts. */
  connections: number;
  seconds: number;
  alone: LoadRun;
  underLoad: LoadRun;
  /** Requests a second under load over alone (target ≥ 0.5). */
  ratio: number;
  /** The clients that POST batches meanwhile, the devices in each, and their requests (from before the run under load to its end). */
  posters: number;
  devicesPerBatch: number;
  posts: LoadRun;
}

export interface ApiBatchPageFigures {
  connections: number;
  deepBatchDevices: number;
  deepPage: number;
  shallowBatchDevices: number;
  /** A page deep in the big batch, and the first (and only) page of the small one. */
  deep: LoadRun;
  first: LoadRun;
  medianRatio: number;
  p99Ratio: number;
}

export interface DevicesPageFigures {
  bigDevices: number;
  smallDevices: number;
  bigMs: number;
  smallMs: number;
  ratio: number;
}

/** The customer the load's batches are posted to: neither of the Devices page's. */
const LOAD_CUSTOMER = 'load';
/** Batches of devices with 4K hashes, for the API's batch pages, in a customer with many other devices. */
const HASHED_CUSTOMER = 'big';
const DEEP_BATCH = { id: 'b-hashed-10k', devices: 10_000 };
const SHALLOW_BATCH = { id: 'b-hashed-100', devices: 100 };
const HASHED_BATCHES = [DEEP_BATCH, SHALLOW_BATCH];
/** DEVICE_PAGE_SIZE in lib/data/api.ts (server-only, so not imported here). */
const API_PAGE_SIZE = 100;

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
    const customer = db.prepare(`INSERT INTO "Customer" ("id", "name", "domain", "createdAt") VALUES (?, ?, ?, ?)`);
    const relationship = db.prepare(
      `INSERT INTO "Relationship" ("id", "partnerId", "customerId", "kind", "status", "approvedAt", "createdAt", "updatedAt") VALUES (?, 'p', ?, 'RESELLER', 'ACTIVE', ?, ?, ?)`,
    );
    const deviceBatch = db.prepare(
      `INSERT INTO "DeviceBatch" ("id", "partnerId", "customerId", "groupTag", "source", "sourceDetail", "deviceCount", "createdAt") VALUES (?, 'p', ?, 'Microsoft365Managed_Standard', 'FILES', 'bench.csv', ?, ?)`,
    );
    const insert = db.prepare(
      `INSERT INTO "Device" ("id", "customerId", "partnerId", "batchId", "serialNumber", "productKey", "activeProductKey", "hardwareHash", "groupTag", "createdAt") VALUES (?, ?, 'p', ?, ?, ?, ?, ?, 'Microsoft365Managed_Standard', ?)`,
    );
    for (const id of ['big', 'small', LOAD_CUSTOMER]) {
      customer.run(id, `Customer ${id}`, `${id}.example`, now);
      relationship.run(`r-${id}`, id, now, now, now);
    }
    // The big customer holds `big` devices in all: the batches with hashes, and the rest in one batch without.
    const hashed = HASHED_BATCHES.reduce((sum, b) => sum + b.devices, 0);
    for (const [id, count] of [['big', Math.max(0, big - hashed)], ['small', small]] as const) {
      deviceBatch.run(`b-${id}`, id, count, now);
      const offset = id === 'big' ? 0 : 5_000_000;
      for (let i = 0; i < count; i++) {
        const n = offset + i;
        const productKey = (3_300_000_000_000 + n).toString();
        insert.run(`${id}-${n}`, id, `b-${id}`, `SN${n.toString().padStart(9, '0')}`, productKey, productKey, null, new Date(Date.now() - n * 1000).toISOString());
      }
    }
    // Serial number and 4K hash, as devices are registered, older than the others (not on the Devices page's first page).
    const random = seeded(drawStream(0));
    let n = 8_000_000;
    for (const batch of HASHED_BATCHES) {
      deviceBatch.run(batch.id, HASHED_CUSTOMER, batch.devices, now);
      for (let i = 0; i < batch.devices; i++, n++) {
        insert.run(hashedDeviceId(batch.id, i), HASHED_CUSTOMER, batch.id, `HW${n}`, null, null, fakeHash(random), new Date(Date.now() - n * 1000).toISOString());
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

function hashedDeviceId(batchId: string, i: number): string {
  return `${batchId}-${i.toString().padStart(5, '0')}`;
}

/**
 * A seed for `seeded` whose draws no other such seed's draws overlap: each
 * draw of mulberry32 adds a constant to its state, so seeds that constant
 * times a million apart give disjoint runs of a million draws (a 4K hash
 * takes at most 1,233: 500 hashes and more). Streams 0 to 19 are the
 * database fill's, 20 to 99 the API batches', the load's batches take one
 * each from 100 on.
 */
function drawStream(n: number): number {
  return (0x5eed + Math.imul(n, Math.imul(1_000_000, 0x6d2b79f5))) >>> 0;
}

function apiDevices(count: number, seed: number) {
  const random = seeded(seed);
  return Array.from({ length: count }, (_, i) => ({ serialNumber: `BENCH${seed}-${i}`, hardwareHash: fakeHash(random) }));
}

async function benchApi(key: string, devices: number, rounds: number): Promise<ApiFigures> {
  const apiTimes: number[] = [];
  const validatorTimes: number[] = [];
  for (let i = 0; i < rounds + 2; i++) {
    const batch = apiDevices(devices, drawStream(20 + i));
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

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The Devices page of the big customer, `connections` requests at a time for
 * `seconds`: alone, then while `posters` clients keep posting batches of
 * fresh devices to the REST API (for another customer) as fast as they are
 * answered. Every POST must be answered 202 and every device registered.
 */
async function benchDevicesUnderLoad(
  key: string,
  cookie: string,
  file: string,
  seconds: number,
  connections = 10,
  posters = 5,
  devicesPerBatch = 100,
): Promise<DevicesUnderLoadFigures> {
  const page = async () => {
    await timePage('/customers/big/devices', cookie);
  };
  await closedLoopFor(connections, 2000, page);
  const alone = (await closedLoopFor(connections, seconds * 1000, page)).run;

  let batches = 0;
  const refused: string[] = [];
  let posting = true;
  const post = async () => {
    const n = batches++;
    const body = JSON.stringify({ batchId: `Load ${n}`, groupTag: 'Microsoft365Managed_Standard', devices: apiDevices(devicesPerBatch, drawStream(100 + n)) });
    const response = await fetch(`${BASE}/api/v1/customers/${LOAD_CUSTOMER}/deviceBatches`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body,
    });
    const text = await response.text();
    if (response.status !== 202) refused.push(`${response.status} ${text.slice(0, 300)}`);
  };
  const posting$ = closedLoop(posters, () => !posting, post);
  let underLoad: LoadRun;
  let posts: LoadRun;
  try {
    // The load runs a second before the page is measured under it.
    await sleep(1000);
    underLoad = (await closedLoopFor(connections, seconds * 1000, page)).run;
  } finally {
    posting = false;
    posts = (await posting$).run;
  }
  if (refused.length) throw new Error(`${refused.length} of ${posts.requests} batch POSTs were not answered 202; the first: ${refused[0]}`);
  const db = new Database(file, { readonly: true });
  try {
    const { registered } = db.prepare(`SELECT COUNT(*) AS "registered" FROM "Device" WHERE "customerId" = ? AND "status" = 'REGISTERED'`).get(LOAD_CUSTOMER) as { registered: number };
    if (registered !== posts.requests * devicesPerBatch) {
      const job = db.prepare(`SELECT "results" FROM "BatchJob" WHERE "customerId" = ? AND "status" <> 'finished' LIMIT 1`).get(LOAD_CUSTOMER) as { results: string } | undefined;
      const failed = job ? (JSON.parse(job.results) as Array<{ status: string }>).find((d) => d.status !== 'registered') : undefined;
      throw new Error(`${posts.requests} batches of ${devicesPerBatch} devices were posted, but ${registered} devices registered; a failed one: ${JSON.stringify(failed)}`);
    }
  } finally {
    db.close();
  }
  return { connections, seconds, alone, underLoad, ratio: underLoad.perSecond / alone.perSecond, posters, devicesPerBatch, posts };
}

async function apiGet(path: string, key: string): Promise<Response> {
  const response = await fetch(`${BASE}${path}`, { headers: { authorization: `Bearer ${key}` } });
  if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}: ${await response.text()}`);
  return response;
}

/**
 * A page of a batch's devices through the REST API, `connections` requests at
 * a time: page `deepPage` of the 10,000-device batch (its continuation token
 * found by following the tokens from the first page, as a client does),
 * against the first page of the 100-device batch. Both pages hold 100
 * devices with 4K hashes. The two are measured in turns, the order
 * alternating (`rounds` of each, `seconds` of each in all), after a second
 * of each to warm up.
 */
async function benchApiBatchPage(key: string, seconds = 12, rounds = 4, connections = 50, deepPage = 50): Promise<ApiBatchPageFigures> {
  const devicesOf = (batchId: string) => `/api/v1/customers/${HASHED_CUSTOMER}/deviceBatches/${batchId}/devices`;
  let token: string | null = null;
  for (let page = 1; page < deepPage; page++) {
    const response = await apiGet(`${devicesOf(DEEP_BATCH.id)}${token ? `?continuationToken=${encodeURIComponent(token)}` : ''}`, key);
    await response.arrayBuffer();
    token = response.headers.get('ms-continuationtoken');
    if (!token) throw new Error(`page ${page} of ${DEEP_BATCH.id} gave no continuation token`);
  }
  const paths = {
    deep: `${devicesOf(DEEP_BATCH.id)}?continuationToken=${encodeURIComponent(token ?? '')}`,
    first: devicesOf(SHALLOW_BATCH.id),
  };
  const expected = { deep: { batch: DEEP_BATCH, first: (deepPage - 1) * API_PAGE_SIZE }, first: { batch: SHALLOW_BATCH, first: 0 } };
  for (const which of ['deep', 'first'] as const) {
    const { batch, first } = expected[which];
    const body = (await (await apiGet(paths[which], key)).json()) as { totalCount: number; items: Array<{ id: string; hardwareHash: string | null }> };
    const right =
      body.totalCount === batch.devices && body.items.length === API_PAGE_SIZE && body.items[0]?.id === hashedDeviceId(batch.id, first) && body.items.every((d) => d.hardwareHash?.length === 4000);
    if (!right) throw new Error(`${paths[which]} did not answer the page expected (${body.totalCount} devices, ${body.items.length} on the page, the first ${body.items[0]?.id})`);
  }
  const get = (path: string) => async () => {
    const response = await fetch(`${BASE}${path}`, { headers: { authorization: `Bearer ${key}` } });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}`);
  };
  const latencies = { deep: [] as number[], first: [] as number[] };
  const elapsed = { deep: 0, first: 0 };
  for (let round = 0; round <= rounds; round++) {
    // Which goes first alternates, so that neither always follows the other.
    for (const which of round % 2 ? (['deep', 'first'] as const) : (['first', 'deep'] as const)) {
      const { run, latenciesMs } = await closedLoopFor(connections, round === 0 ? 1000 : (seconds * 1000) / rounds, get(paths[which]));
      if (round === 0) continue;
      latencies[which].push(...latenciesMs);
      elapsed[which] += run.seconds;
    }
  }
  const deep = summarize(latencies.deep, elapsed.deep);
  const first = summarize(latencies.first, elapsed.first);
  return {
    connections,
    deepBatchDevices: DEEP_BATCH.devices,
    deepPage,
    shallowBatchDevices: SHALLOW_BATCH.devices,
    deep,
    first,
    medianRatio: deep.medianMs / first.medianMs,
    p99Ratio: deep.p99Ms / first.p99Ms,
  };
}

export async function benchServer(
  big = 100_000,
  small = 100,
  rounds = 40,
  loadSeconds = 8,
): Promise<{ devicesPage: DevicesPageFigures; api: ApiFigures; signIn: SignInHttpFigures[]; apiBatchPage: ApiBatchPageFigures; devicesUnderLoad: DevicesUnderLoadFigures }> {
  if (!existsSync('.next/BUILD_ID')) execFileSync('npx', ['next', 'build'], { stdio: 'inherit' });
  const dir = mkdtempSync(join(tmpdir(), 'bench-page-'));
  const file = join(dir, 'bench.db');
  const apiKey = newApiKey();
  await fillDatabase(file, big, small, apiKey.hash);
  // The production server, as `npm start` runs it.
  const server = spawn('node', ['server.mjs'], {
    env: {
      ...process.env,
      PORT: String(PORT),
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
    const apiBatchPage = await benchApiBatchPage(apiKey.key);
    const devicesUnderLoad = await benchDevicesUnderLoad(apiKey.key, cookie, file, loadSeconds);
    return {
      devicesPage: { bigDevices: big, smallDevices: small, bigMs, smallMs, ratio: bigMs / smallMs },
      api,
      signIn: signInFigures,
      apiBatchPage,
      devicesUnderLoad,
    };
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

export function printDevicesUnderLoad(f: DevicesUnderLoadFigures): void {
  console.log(
    `Devices page under load (production build, signed in, ${f.connections} connections, ${f.seconds} s each): alone, then while ${f.posters} clients POST ${f.devicesPerBatch}-device batches of new devices to the REST API`,
  );
  console.log('');
  console.log('| | requests/s | of alone (target ≥ 50 %) | median | p99 |');
  console.log('|---|---:|---:|---:|---:|');
  console.log(`| alone | ${fmt(f.alone.perSecond, 1)} | | ${fmt(f.alone.medianMs, 0)} ms | ${fmt(f.alone.p99Ms, 0)} ms |`);
  console.log(`| under load | ${fmt(f.underLoad.perSecond, 1)} | ${fmt(f.ratio * 100, 0)} % | ${fmt(f.underLoad.medianMs, 0)} ms | ${fmt(f.underLoad.p99Ms, 0)} ms |`);
  console.log(
    `| the load: POSTs (all 202) | ${fmt(f.posts.perSecond, 1)} (${fmt(f.posts.perSecond * f.devicesPerBatch, 0)} devices/s) | | ${fmt(f.posts.medianMs, 0)} ms | ${fmt(f.posts.p99Ms, 0)} ms |`,
  );
  console.log('');
}

export function printApiBatchPage(f: ApiBatchPageFigures): void {
  console.log(
    `REST API: a page of a batch's devices (${API_PAGE_SIZE} devices with 4K hashes), ${f.connections} connections: page ${f.deepPage} of a ${fmt(f.deepBatchDevices, 0)}-device batch against the first page of a ${fmt(f.shallowBatchDevices, 0)}-device batch`,
  );
  console.log('');
  console.log('| | requests/s | median | p99 |');
  console.log('|---|---:|---:|---:|');
  console.log(`| page ${f.deepPage} of ${fmt(f.deepBatchDevices, 0)} devices | ${fmt(f.deep.perSecond, 1)} | ${fmt(f.deep.medianMs, 1)} ms | ${fmt(f.deep.p99Ms, 1)} ms |`);
  console.log(`| first page of ${fmt(f.shallowBatchDevices, 0)} devices | ${fmt(f.first.perSecond, 1)} | ${fmt(f.first.medianMs, 1)} ms | ${fmt(f.first.p99Ms, 1)} ms |`);
  console.log(`| ratio (target ≤ 1.5) | | ${fmt(f.medianRatio, 2)} | ${fmt(f.p99Ratio, 2)} |`);
  console.log('');
}
