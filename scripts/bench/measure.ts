/** Timing helpers for the benchmarks: warm up, then the median of many runs. */

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The p-th percentile (0 ≤ p ≤ 100): the sorted values' element at ⌊p/100 · n⌋, the largest for p = 100; NaN when there are none. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/**
 * Times several functions over the same rounds, taking turns within each
 * round so that the machine's drift touches all of them alike. Milliseconds
 * per call, median over the rounds.
 */
export function timeTogether(fns: Record<string, () => unknown>, rounds: number, warmup = 3): Record<string, number> {
  const names = Object.keys(fns);
  for (let i = 0; i < warmup; i++) for (const name of names) fns[name]!();
  const samples: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (let r = 0; r < rounds; r++) {
    for (const name of names) {
      const start = performance.now();
      fns[name]!();
      samples[name]!.push(performance.now() - start);
    }
  }
  return Object.fromEntries(names.map((n) => [n, median(samples[n]!)]));
}

export const MB = 1024 * 1024;

export function fmt(n: number, digits = 1): string {
  return n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}
