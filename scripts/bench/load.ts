/**
 * A closed-loop load generator: N workers, each sending its next request as
 * soon as the last one is answered, until told to stop. Throughput is the
 * requests answered over the time from the start until the last worker is
 * done (the requests in flight at the deadline are waited for and counted).
 */
import { median, percentile } from './measure';

export interface LoadRun {
  /** Requests answered. */
  requests: number;
  seconds: number;
  perSecond: number;
  medianMs: number;
  p99Ms: number;
}

/**
 * Runs `request` in a loop on each of `workers` workers until `stop()` says
 * so. A request that throws stops every worker, and the error is thrown once
 * all of them are done.
 */
export async function closedLoop(workers: number, stop: () => boolean, request: (worker: number) => Promise<void>): Promise<{ run: LoadRun; latenciesMs: number[] }> {
  const latencies: number[] = [];
  const failure: { happened: boolean; error?: unknown } = { happened: false };
  const start = performance.now();
  await Promise.all(
    Array.from({ length: workers }, async (_, worker) => {
      while (!failure.happened && !stop()) {
        const sent = performance.now();
        try {
          await request(worker);
        } catch (error) {
          if (!failure.happened) {
            failure.happened = true;
            failure.error = error;
          }
          return;
        }
        latencies.push(performance.now() - sent);
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  if (failure.happened) throw failure.error;
  return { run: summarize(latencies, seconds), latenciesMs: latencies };
}

/** `closedLoop` for a fixed time, in ms. */
export function closedLoopFor(workers: number, durationMs: number, request: (worker: number) => Promise<void>): Promise<{ run: LoadRun; latenciesMs: number[] }> {
  const deadline = performance.now() + durationMs;
  return closedLoop(workers, () => performance.now() >= deadline, request);
}

export function summarize(latenciesMs: number[], seconds: number): LoadRun {
  return {
    requests: latenciesMs.length,
    seconds,
    perSecond: latenciesMs.length / seconds,
    medianMs: median(latenciesMs),
    p99Ms: percentile(latenciesMs, 99),
  };
}
