import { describe, expect, it } from 'vitest';
import { bearerKey, newApiKey, apiKeyHash } from './keys';
import { createRateLimit } from '@/lib/rate-limit';

describe('the per-key rate limit', () => {
  it('allows a burst, then refuses with the seconds to wait, then refills', () => {
    const limit = createRateLimit(3, 1);
    const t = 1_000_000;
    expect([limit.take('k', t), limit.take('k', t), limit.take('k', t)].every((r) => r.ok)).toBe(true);
    expect(limit.take('k', t)).toEqual({ ok: false, retryAfter: 1 });
    expect(limit.take('other', t)).toEqual({ ok: true });
    expect(limit.take('k', t + 1000)).toEqual({ ok: true });
  });

  it('tells whether there is room without spending it', () => {
    const limit = createRateLimit(1, 1);
    expect(limit.hasRoom('k', 0)).toBe(true);
    expect(limit.hasRoom('k', 0)).toBe(true);
    limit.take('k', 0);
    expect(limit.hasRoom('k', 0)).toBe(false);
    expect(limit.hasRoom('k', 1000)).toBe(true);
  });
});

describe('API keys', () => {
  it('carry 256 random bits, are recognised in a Bearer header, and are stored as a hash', () => {
    const { key, prefix, hash } = newApiKey();
    expect(key).toMatch(/^apk_[A-Za-z0-9_-]{43}$/);
    expect(key.startsWith(prefix)).toBe(true);
    expect(hash).toBe(apiKeyHash(key));
    expect(hash).not.toContain(key);
    expect(bearerKey(`Bearer ${key}`)).toBe(key);
    expect(bearerKey(`Basic ${key}`)).toBeNull();
    expect(bearerKey('Bearer apk_short')).toBeNull();
    expect(bearerKey(null)).toBeNull();
  });
});
