/**
 * Sign-ins through the production server, as users meet them: 4 sign-ins at
 * once (wrong passwords for 4 different accounts, so that each runs the
 * whole password check and none is throttled), while a probe asks the
 * server for something trivial every few milliseconds. The probe's latency
 * is what every other user waits while passwords are checked. Before:
 * accounts whose hashes are still bcrypt (bcryptjs, cost 12, on the event
 * loop); after: scrypt (on the thread pool). Same server, same run.
 */
import { fmt, percentile } from './measure';

export const SIGN_IN_ACCOUNTS = 40;
const CONCURRENT = 4;

export interface SignInHttpFigures {
  label: string;
  /** The probe's latency while sign-ins run: p50 and p99, ms. */
  probeP50Ms: number;
  probeP99Ms: number;
  /** One sign-in, request to answer, while 3 others run: p50 and p99, ms. */
  signInP50Ms: number;
  signInP99Ms: number;
}

function cookiesOf(response: Response): string[] {
  return response.headers.getSetCookie().map((c) => c.split(';')[0]!);
}

/** A wrong password for the account: the server checks it in full, then refuses. */
async function wrongSignIn(base: string, email: string): Promise<number> {
  const csrfResponse = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const start = performance.now();
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookiesOf(csrfResponse).join('; ') },
    body: new URLSearchParams({ email, password: 'not-the-password', csrfToken, callbackUrl: base }),
  });
  await response.arrayBuffer();
  const ms = performance.now() - start;
  if (!(response.headers.get('location') ?? '').includes('error=CredentialsSignin')) throw new Error(`a wrong password was not refused as such for ${email}`);
  return ms;
}

async function probeWhile(base: string, running: () => boolean, into: number[]): Promise<void> {
  while (running()) {
    const start = performance.now();
    await (await fetch(`${base}/api/auth/csrf`)).arrayBuffer();
    into.push(performance.now() - start);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

async function measure(base: string, label: string, emailOf: (n: number) => string | null): Promise<SignInHttpFigures> {
  const probes: number[] = [];
  const signIns: number[] = [];
  const rounds = SIGN_IN_ACCOUNTS / CONCURRENT;
  for (let round = 0; round < rounds; round++) {
    let running = true;
    const probing = probeWhile(base, () => running, probes);
    if (emailOf(0) === null) await new Promise((resolve) => setTimeout(resolve, 300));
    else signIns.push(...(await Promise.all(Array.from({ length: CONCURRENT }, (_, i) => wrongSignIn(base, emailOf(round * CONCURRENT + i)!)))));
    running = false;
    await probing;
  }
  return {
    label,
    probeP50Ms: percentile(probes, 50),
    probeP99Ms: percentile(probes, 99),
    signInP50Ms: percentile(signIns, 50),
    signInP99Ms: percentile(signIns, 99),
  };
}

/** `bcrypt-N@bench.example` and `scrypt-N@bench.example`, N < SIGN_IN_ACCOUNTS, must exist with those kinds of hashes. */
export async function benchSignInOverHttp(base: string): Promise<SignInHttpFigures[]> {
  // Warm the sign-in route up, then measure.
  await wrongSignIn(base, 'nobody@bench.example');
  return [
    await measure(base, 'no sign-ins (the probe alone)', () => null),
    await measure(base, 'before: bcrypt accounts (bcryptjs, cost 12)', (n) => `bcrypt-${n}@bench.example`),
    await measure(base, 'after: scrypt accounts', (n) => `scrypt-${n}@bench.example`),
  ];
}

export function printSignInOverHttp(figures: SignInHttpFigures[]): void {
  console.log(`Sign-in through the production server: ${CONCURRENT} sign-ins at once (${SIGN_IN_ACCOUNTS} in all), and a probe request every few ms meanwhile`);
  console.log('');
  console.log('| accounts | probe p50 | probe p99 (what others wait) | sign-in p50 | sign-in p99 |');
  console.log('|---|---:|---:|---:|---:|');
  for (const f of figures) {
    const signIn = Number.isNaN(f.signInP50Ms) ? '— | —' : `${fmt(f.signInP50Ms, 0)} ms | ${fmt(f.signInP99Ms, 0)} ms`;
    console.log(`| ${f.label} | ${fmt(f.probeP50Ms, 1)} ms | ${fmt(f.probeP99Ms, 1)} ms | ${signIn} |`);
  }
  console.log('');
}
