/**
 * What a load balancer and an operator see of a production server of its own
 * (server.mjs on the browser tests' database): health endpoints, one JSON log
 * line per request with its request id, and a SIGTERM that finishes the
 * request in flight, says "not ready" meanwhile, and exits cleanly.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { expect, test } from '@playwright/test';
import { DATABASE_URL } from '../playwright.config';

const PORT = 3297;
const BASE = `http://localhost:${PORT}`;

function startServer(): { child: ChildProcess; output: string[]; exited: Promise<number | null> } {
  const child = spawn(process.execPath, ['server.mjs'], {
    env: { ...process.env, DATABASE_URL, AUTH_SECRET_FILE: 'data/auth-secret', PORT: String(PORT), NEXT_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  for (const stream of [child.stdout, child.stderr]) stream.on('data', (chunk: Buffer) => output.push(...chunk.toString().split('\n').filter(Boolean)));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output, exited };
}

async function until(check: () => Promise<boolean>, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('timed out');
}

test('health endpoints, JSON logs with request ids, and a SIGTERM that lets the request in flight finish', async () => {
  test.setTimeout(120_000);
  const server = startServer();
  try {
    await until(async () => (await fetch(`${BASE}/api/health/ready`)).ok);
    expect(await (await fetch(`${BASE}/api/health/live`)).json()).toEqual({ status: 'live' });
    const ready = await fetch(`${BASE}/api/health/ready`);
    expect(await ready.json()).toEqual({ status: 'ready', checks: { database: 'ok', migrations: 'ok', shuttingDown: false } });

    // The request id given is kept, sent back and logged; a made-up one is replaced.
    const traced = await fetch(`${BASE}/sign-in`, { headers: { 'x-request-id': 'trace-42' } });
    expect(traced.headers.get('x-request-id')).toBe('trace-42');
    const odd = await fetch(`${BASE}/sign-in`, { headers: { 'x-request-id': 'not valid!' } });
    expect(odd.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    await until(async () => server.output.some((line) => line.includes('"requestId":"trace-42"')), 5_000);
    for (const line of server.output) expect(() => JSON.parse(line) as unknown, line).not.toThrow();
    const logged = JSON.parse(server.output.find((line) => line.includes('"requestId":"trace-42"'))!) as { level: string; msg: string; time: string };
    expect(logged.level).toBe('info');
    expect(logged.msg).toMatch(/^GET \/sign-in 200 \d+ms$/);
    expect(Date.parse(logged.time)).not.toBeNaN();

    // A request in flight: a sign-in form whose body arrives in two parts, the signal between them.
    let signalled = 0;
    const inFlight = new Promise<{ status: number; at: number }>((resolve, reject) => {
      const body = 'email=nobody%40example.com&password=wrong-password-1';
      const req = httpRequest(
        `${BASE}/api/auth/callback/credentials`,
        { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(body.length) } },
        (res) => {
          res.resume();
          resolve({ status: res.statusCode ?? 0, at: Date.now() });
        },
      );
      req.on('error', reject);
      req.write(body.slice(0, 10));
      setTimeout(() => req.end(body.slice(10)), 1_500);
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    server.child.kill('SIGTERM');
    signalled = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(server.child.exitCode).toBeNull();
    // Meanwhile, it says it is not ready (on a connection it already had, or refuses new ones).
    const meanwhile = await fetch(`${BASE}/api/health/ready`).then((r) => r.status).catch(() => 'refused');
    expect([503, 'refused']).toContain(meanwhile);
    // The request in flight is answered, after the signal, then the server exits cleanly.
    const answered = await inFlight;
    expect(answered.status).toBeGreaterThanOrEqual(200);
    expect(answered.status).toBeLessThan(500);
    expect(answered.at).toBeGreaterThan(signalled + 1_000);
    expect(await server.exited).toBe(0);
    expect(server.output.some((line) => line.includes('SIGTERM: finishing the requests in flight'))).toBe(true);
  } finally {
    if (server.child.exitCode === null) server.child.kill('SIGKILL');
  }
});
