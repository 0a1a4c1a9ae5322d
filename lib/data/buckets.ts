/**
 * Token buckets kept in the database, so that every instance of the portal
 * counts the same requests: the sign-in throttle, the API's rate limit, how
 * often an organisation may check its domain. A bucket is a row of
 * `SignInThrottle` (named for its first use), keyed by what it counts
 * (`account:…`, `address:…`, `api:…`, `domain-check:…`). Each take is a
 * compare-and-set on the row (portable SQL, no lock to hold): two takes that
 * read the same row, on one instance or two, cannot both spend its last
 * token.
 */
import 'server-only';
import { prisma } from '@/lib/db/client';
import { isUniqueViolation } from '@/lib/db/errors';
import type { Prisma } from '@/lib/generated/prisma/client';
import { secondsUntilToken, tokensAt, type BucketRule } from '@/lib/rate-limit';

export type TakeResult = { ok: true } | { ok: false; retryAfter: number; /** Which bucket was empty. */ by?: 'account' | 'address' };

const TRIES = 8;

/** One try: read the bucket, then spend a token only if nobody else changed it meanwhile. Null: lost a race. */
async function tryTake(tx: Prisma.TransactionClient, key: string, rule: BucketRule, now: Date): Promise<TakeResult | null> {
  const row = await tx.signInThrottle.findUnique({ where: { key } });
  if (!row) {
    await tx.signInThrottle.create({ data: { key, tokens: rule.capacity - 1, at: now } });
    return { ok: true };
  }
  const tokens = tokensAt(rule, row.tokens, row.at.getTime(), now.getTime());
  if (tokens < 1) return { ok: false, retryAfter: secondsUntilToken(rule, tokens) };
  const { count } = await tx.signInThrottle.updateMany({ where: { key, tokens: row.tokens, at: row.at }, data: { tokens: tokens - 1, at: now } });
  return count === 1 ? { ok: true } : null;
}

/**
 * Spends a token of the bucket `key`, if it has one. Each try runs in a
 * transaction: on one instance they are answered one at a time; between
 * instances the compare-and-set (and, for a new bucket, its unique key) lets
 * only one of two racing takes spend a token.
 */
export async function takeToken(key: string, rule: BucketRule, now = new Date()): Promise<TakeResult> {
  for (let attempt = 0; attempt < TRIES; attempt++) {
    try {
      const result = await prisma.$transaction((tx) => tryTake(tx, key, rule, now));
      if (result) return result;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }
  // Lost every race: under such a flood, refusing is the safe answer.
  return { ok: false, retryAfter: 1 };
}

/** Buckets of this prefix that have refilled since, which say nothing a new one would not, go. */
export async function forgetFull(prefix: string, rule: BucketRule, now = new Date()): Promise<void> {
  const full = new Date(now.getTime() - (rule.capacity / rule.perSecond) * 1000);
  await prisma.signInThrottle.deleteMany({ where: { key: { startsWith: prefix }, at: { lt: full } } });
}
