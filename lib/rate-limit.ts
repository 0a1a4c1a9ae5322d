/**
 * The arithmetic of a token bucket: a burst of `capacity` requests, then
 * `perSecond` more each second. The buckets themselves are kept in the
 * database (lib/data/buckets.ts), so that every instance counts the same.
 */

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
