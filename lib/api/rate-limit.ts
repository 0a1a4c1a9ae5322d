/**
 * A per-key token bucket, in this process's memory: a burst of `capacity`
 * requests, then `perSecond` more each second.
 */
export interface RateLimit {
  take(key: string, now?: number): { ok: true } | { ok: false; retryAfter: number };
}

export function createRateLimit(capacity: number, perSecond: number): RateLimit {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    take(key, now = Date.now()) {
      const bucket = buckets.get(key) ?? { tokens: capacity, at: now };
      bucket.tokens = Math.min(capacity, bucket.tokens + ((now - bucket.at) / 1000) * perSecond);
      bucket.at = now;
      buckets.set(key, bucket);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return { ok: true };
      }
      return { ok: false, retryAfter: Math.max(1, Math.ceil((1 - bucket.tokens) / perSecond)) };
    },
  };
}

/** 120 requests at once, then 2 a second, per key; API_RATE_LIMIT="capacity,perSecond" to change it. */
function fromEnvironment(): RateLimit {
  const [capacity, perSecond] = (process.env.API_RATE_LIMIT ?? '120,2').split(',').map(Number);
  return createRateLimit(capacity && capacity > 0 ? capacity : 120, perSecond && perSecond > 0 ? perSecond : 2);
}

const globalForLimit = globalThis as unknown as { apiRateLimit?: RateLimit };
export const apiRateLimit: RateLimit = (globalForLimit.apiRateLimit ??= fromEnvironment());
