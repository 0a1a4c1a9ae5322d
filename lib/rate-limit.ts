/**
 * A per-key token bucket, in this process's memory: a burst of `capacity`
 * requests, then `perSecond` more each second. At most `maxKeys` buckets
 * are kept (a flood of made-up keys cannot grow memory without bound): full
 * buckets, which say nothing a new one would not, go first, then the least
 * recently used.
 */
export interface RateLimit {
  /** Spends one token, if there is one. */
  take(key: string, now?: number): { ok: true } | { ok: false; retryAfter: number };
  /** Whether a token is left, without spending it. */
  hasRoom(key: string, now?: number): boolean;
  /** How many keys' buckets are kept. */
  size(): number;
}

/** A token bucket's rule: a burst of `capacity`, then `perSecond` more each second. */
export interface BucketRule {
  capacity: number;
  perSecond: number;
}

/** The tokens a bucket holds at `now` (ms), refilled since `at` (ms), never beyond its capacity. */
export function tokensAt(rule: BucketRule, tokens: number, at: number, now: number): number {
  return Math.min(rule.capacity, tokens + (Math.max(0, now - at) / 1000) * rule.perSecond);
}

/** Whole seconds until a bucket holding `tokens` has one (at least 1). */
export function secondsUntilToken(rule: BucketRule, tokens: number): number {
  return Math.max(1, Math.ceil((1 - tokens) / rule.perSecond));
}

export function createRateLimit(capacity: number, perSecond: number, maxKeys = 10_000): RateLimit {
  const rule = { capacity, perSecond };
  // In order of last use: a Map iterates in insertion order, and a used bucket is inserted again.
  const buckets = new Map<string, { tokens: number; at: number }>();
  const prune = (now: number) => {
    for (const [key, bucket] of buckets) {
      if (tokensAt(rule, bucket.tokens, bucket.at, now) >= capacity) buckets.delete(key);
    }
    for (const key of buckets.keys()) {
      if (buckets.size <= maxKeys * 0.9) break;
      buckets.delete(key);
    }
  };
  const refill = (key: string, now: number) => {
    const bucket = buckets.get(key) ?? { tokens: capacity, at: now };
    bucket.tokens = tokensAt(rule, bucket.tokens, bucket.at, now);
    bucket.at = now;
    buckets.delete(key);
    // Room is made among the other keys before this one goes back, as the most recently used.
    if (buckets.size >= maxKeys) prune(now);
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
      return { ok: false, retryAfter: secondsUntilToken(rule, bucket.tokens) };
    },
    hasRoom(key, now = Date.now()) {
      return refill(key, now).tokens >= 1;
    },
    size: () => buckets.size,
  };
}
