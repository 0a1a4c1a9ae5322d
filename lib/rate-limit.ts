/**
 * A per-key token bucket, in this process's memory: a burst of `capacity`
 * requests, then `perSecond` more each second.
 */
export interface RateLimit {
  /** Spends one token, if there is one. */
  take(key: string, now?: number): { ok: true } | { ok: false; retryAfter: number };
  /** Whether a token is left, without spending it. */
  hasRoom(key: string, now?: number): boolean;
}

export function createRateLimit(capacity: number, perSecond: number): RateLimit {
  const buckets = new Map<string, { tokens: number; at: number }>();
  const refill = (key: string, now: number) => {
    const bucket = buckets.get(key) ?? { tokens: capacity, at: now };
    bucket.tokens = Math.min(capacity, bucket.tokens + ((now - bucket.at) / 1000) * perSecond);
    bucket.at = now;
    buckets.set(key, bucket);
    return bucket;
  };
  return {
    take(key, now = Date.now()) {
      const bucket = refill(key, now);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return { ok: true };
      }
      return { ok: false, retryAfter: Math.max(1, Math.ceil((1 - bucket.tokens) / perSecond)) };
    },
    hasRoom(key, now = Date.now()) {
      return refill(key, now).tokens >= 1;
    },
  };
}
