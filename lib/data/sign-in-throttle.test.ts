/** The sign-in throttle, in the database: attempts counted before they are checked, per account and per address. */
import { describe, expect, it } from 'vitest';
import { freshDatabase } from '@/test-support/database';

freshDatabase();
const { prisma } = await import('@/lib/db/client');
const { ACCOUNT_RULE, ADDRESS_RULE, forgetFullBuckets, refundSignInAttempt, takeSignInAttempt } = await import('./sign-in-throttle');

let n = 0;
const fresh = () => `user${++n}@throttle.example`;
const T = new Date('2026-12-03T10:00:00Z');
const later = (seconds: number) => new Date(T.getTime() + seconds * 1000);

describe('the sign-in throttle', () => {
  it('lets no more than ten of 61 attempts sent at once for one account be checked', async () => {
    const email = fresh();
    const results = await Promise.all(Array.from({ length: 61 }, (_, i) => takeSignInAttempt(email, `198.51.100.${i}`, T)));
    expect(results.filter((r) => r.ok)).toHaveLength(ACCOUNT_RULE.capacity);
    expect(results.find((r) => !r.ok)).toEqual({ ok: false, retryAfter: 90, by: 'account' });
  });

  it('lets one more attempt through every 90 seconds, and gives back a successful sign-in’s', async () => {
    const email = fresh();
    for (let i = 0; i < 10; i++) expect((await takeSignInAttempt(email, null, T)).ok).toBe(true);
    expect((await takeSignInAttempt(email, null, T)).ok).toBe(false);
    expect((await takeSignInAttempt(email, null, later(91))).ok).toBe(true);
    expect((await takeSignInAttempt(email, null, later(91))).ok).toBe(false);
    await refundSignInAttempt(email, null);
    expect((await takeSignInAttempt(email, null, later(91))).ok).toBe(true);
  });

  it('slows one address spraying many accounts, without touching the accounts of other addresses', async () => {
    const sprayer = '203.0.113.66';
    const results = [];
    for (let i = 0; i < ADDRESS_RULE.capacity + 5; i++) results.push(await takeSignInAttempt(fresh(), sprayer, T));
    expect(results.filter((r) => r.ok)).toHaveLength(ADDRESS_RULE.capacity);
    expect(results.at(-1)).toEqual({ ok: false, retryAfter: 5, by: 'address' });
    const victim = fresh();
    expect((await takeSignInAttempt(victim, '192.0.2.10', T)).ok).toBe(true);
  });

  it('does not spend an address’s attempt on an account that refuses', async () => {
    const email = fresh();
    const address = '192.0.2.99';
    for (let i = 0; i < 10; i++) await takeSignInAttempt(email, `192.0.2.${i}`, T);
    expect((await takeSignInAttempt(email, address, T)).ok).toBe(false);
    const row = await prisma.signInThrottle.findUniqueOrThrow({ where: { key: `address:${address}` } });
    expect(row.tokens).toBe(ADDRESS_RULE.capacity);
  });

  it('forgets buckets that have refilled, and only those', async () => {
    const old = fresh();
    const recent = fresh();
    await takeSignInAttempt(old, null, T);
    await takeSignInAttempt(recent, null, later(800));
    await forgetFullBuckets(later(901));
    expect(await prisma.signInThrottle.findUnique({ where: { key: `account:${old}` } })).toBeNull();
    expect(await prisma.signInThrottle.findUnique({ where: { key: `account:${recent}` } })).not.toBeNull();
  });
});
