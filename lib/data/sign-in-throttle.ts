/**
 * The sign-in throttle, kept in the database so that every instance of the
 * portal counts the same attempts (buckets.ts): token buckets, one per
 * account and one per client address. An attempt takes its tokens before its
 * password is checked, so attempts sent together are counted together (of 60
 * sent at once, at most the bucket's capacity are checked at all).
 */
import 'server-only';
import { prisma } from '@/lib/db/client';
import type { BucketRule } from '@/lib/rate-limit';
import { forgetFull, takeToken as take, type TakeResult } from './buckets';

export type { TakeResult };

/** Attempts at once (`capacity`), and attempts regained each second (`perSecond`). */
export type ThrottleRule = BucketRule;

/** Ten attempts for one account, then one every 90 seconds. */
export const ACCOUNT_RULE: ThrottleRule = { capacity: 10, perSecond: 1 / 90 };
/** Thirty attempts from one address (an office behind one address signs in too), then one every 5 seconds. */
export const ADDRESS_RULE: ThrottleRule = { capacity: 30, perSecond: 1 / 5 };


async function giveBack(key: string): Promise<void> {
  await prisma.signInThrottle.updateMany({ where: { key }, data: { tokens: { increment: 1 } } });
}

const keysOf = (email: string, address: string | null) => ({ account: `account:${email}`, address: address ? `address:${address}` : null });

/**
 * Takes an attempt for the account and for the client address (when known),
 * before the password is checked; refused when either has none left.
 */
export async function takeSignInAttempt(email: string, address: string | null, now = new Date()): Promise<TakeResult> {
  const keys = keysOf(email, address);
  if (keys.address) {
    const fromAddress = await take(keys.address, ADDRESS_RULE, now);
    if (!fromAddress.ok) return { ...fromAddress, by: 'address' };
  }
  const forAccount = await take(keys.account, ACCOUNT_RULE, now);
  if (!forAccount.ok && keys.address) await giveBack(keys.address);
  if (Math.random() < 0.01) await forgetFullBuckets(now);
  return forAccount.ok ? forAccount : { ...forAccount, by: 'account' };
}

/** A sign-in that succeeded costs nothing: its attempts are given back. */
export async function refundSignInAttempt(email: string, address: string | null): Promise<void> {
  const keys = keysOf(email, address);
  await giveBack(keys.account);
  if (keys.address) await giveBack(keys.address);
}

/** Buckets that have refilled since say nothing a new one would not: they go. */
export async function forgetFullBuckets(now = new Date()): Promise<void> {
  for (const [prefix, rule] of [['account:', ACCOUNT_RULE], ['address:', ADDRESS_RULE]] as const) await forgetFull(prefix, rule, now);
}

/**
 * Codes of the second factor have their own bucket per account: someone
 * spraying wrong passwords at an account cannot also lock its owner out of
 * signing in with password and code.
 */
export function takeSecondFactorAttempt(userId: string, afterRightPassword: boolean, address: string | null, now = new Date()): Promise<TakeResult> {
  return takeSignInAttempt(`${afterRightPassword ? 'second-factor' : 'second-factor-unproven'}:${userId}`, address, now);
}

/** An attempt counted against the client address alone (an account whose own bucket is empty, but that has a second factor). */
export async function takeAddressAttempt(address: string | null, now = new Date()): Promise<TakeResult> {
  const key = keysOf('', address).address;
  if (!key) return { ok: true };
  const result = await take(key, ADDRESS_RULE, now);
  return result.ok ? result : { ...result, by: 'address' };
}

/** A reset by email proves the owner: the account's bucket is refilled, so whoever emptied it locks no one out. */
export async function refillAccount(email: string, userId: string): Promise<void> {
  await prisma.signInThrottle.deleteMany({ where: { key: { in: [email, `second-factor:${userId}`, `second-factor-unproven:${userId}`].map((k) => keysOf(k, null).account) } } });
}
