/**
 * What checking passwords costs everyone else: while 4 sign-ins check their
 * passwords at once, how long the server's event loop is held up (and so
 * every other request waits). Before: bcryptjs at cost 12, pure JavaScript
 * on the event loop. After: `verifyPassword` on a scrypt hash, computed on
 * Node's thread pool. Runs on its own too: `npx tsx scripts/bench/sign-in.ts`.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import bcrypt from 'bcryptjs';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { fmt } from './measure';

const PASSWORD = 'Autopilot-demo-1';
const CONCURRENT = 4;
const ROUNDS = 20;
const SINGLE_CHECKS = 10;

export interface SignInFigures {
  label: string;
  /** The 99th percentile of the event loop's delay while 4 checks run together, in ms. */
  p99StallMs: number;
  maxStallMs: number;
  /** One check alone, start to answer, in ms (mean). */
  verifyMs: number;
  /** 4 checks together, start to the last answer, in ms (mean over the rounds). */
  concurrentMs: number;
}

async function measure(label: string, check: () => Promise<boolean>): Promise<SignInFigures> {
  if (!(await check())) throw new Error(`${label}: the password should verify`);
  let single = 0;
  for (let i = 0; i < SINGLE_CHECKS; i++) {
    const start = performance.now();
    await check();
    single += performance.now() - start;
  }
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  let together = 0;
  histogram.enable();
  for (let r = 0; r < ROUNDS; r++) {
    const start = performance.now();
    await Promise.all(Array.from({ length: CONCURRENT }, check));
    together += performance.now() - start;
  }
  histogram.disable();
  return {
    label,
    p99StallMs: histogram.percentile(99) / 1e6,
    maxStallMs: histogram.max / 1e6,
    verifyMs: single / SINGLE_CHECKS,
    concurrentMs: together / ROUNDS,
  };
}

/** The event loop with nothing to do, for comparison: its delay is the timer's own resolution. */
async function idle(): Promise<SignInFigures> {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  histogram.enable();
  await new Promise((resolve) => setTimeout(resolve, 1000));
  histogram.disable();
  return { label: 'no sign-ins (idle)', p99StallMs: histogram.percentile(99) / 1e6, maxStallMs: histogram.max / 1e6, verifyMs: 0, concurrentMs: 0 };
}

export async function benchSignIn(): Promise<SignInFigures[]> {
  const bcryptHash = await bcrypt.hash(PASSWORD, 12);
  const scryptHash = await hashPassword(PASSWORD);
  return [
    await idle(),
    await measure('before: bcryptjs, cost 12', () => bcrypt.compare(PASSWORD, bcryptHash)),
    await measure(`after: scrypt (${scryptHash.split('$')[1]})`, () => verifyPassword(PASSWORD, scryptHash)),
  ];
}

export function printSignIn(figures: SignInFigures[]): void {
  console.log(
    `Sign-in: event-loop stall while ${CONCURRENT} password checks run at once (${ROUNDS} rounds, monitorEventLoopDelay at 1 ms resolution), and the time of one check`,
  );
  console.log('');
  console.log('| password check | p99 stall (target ≤ 50 ms after) | longest stall | one check alone (mean) | 4 checks together (mean) |');
  console.log('|---|---:|---:|---:|---:|');
  for (const f of figures) {
    const times = f.verifyMs ? `${fmt(f.verifyMs)} ms | ${fmt(f.concurrentMs)} ms` : '– | –';
    console.log(`| ${f.label} | ${fmt(f.p99StallMs)} ms | ${fmt(f.maxStallMs)} ms | ${times} |`);
  }
  console.log('');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const figures = await benchSignIn();
  printSignIn(figures);
  if (process.argv.includes('--json')) console.log(JSON.stringify(figures, null, 2));
}
