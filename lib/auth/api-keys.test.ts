/** API keys: their shape, how a request carries one, and the hash that is stored in its place. */
import { describe, expect, it } from 'vitest';
import { apiKeyHash, bearerKey, KEY_PREFIX, newApiKey } from './api-keys';

describe('a new API key', () => {
  it('is apk_ and 256 random bits, with a prefix to tell it apart and a hash in its place', () => {
    const { key, prefix, hash } = newApiKey();
    expect(key).toMatch(/^apk_[A-Za-z0-9_-]{43}$/);
    expect(key.startsWith(KEY_PREFIX)).toBe(true);
    expect(prefix).toBe(key.slice(0, 12));
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain(key.slice(KEY_PREFIX.length));
  });

  it('is different every time', () => {
    const keys = Array.from({ length: 50 }, () => newApiKey());
    expect(new Set(keys.map((k) => k.key)).size).toBe(50);
    expect(new Set(keys.map((k) => k.hash)).size).toBe(50);
  });
});

describe('the stored hash', () => {
  it('is the SHA-256 of the key in hex: every key already stored depends on it', () => {
    expect(apiKeyHash(`apk_${'A'.repeat(43)}`)).toBe('a47a3e7fda5cc749844963032db1c5585865e9347a265e192eb56b12ef33c1d4');
    expect(apiKeyHash(`apk_${'A'.repeat(42)}B`)).not.toBe(apiKeyHash(`apk_${'A'.repeat(43)}`));
  });
});

describe('an Authorization header', () => {
  it('carries a key only as Bearer (in any case, RFC 7235) and only in the key’s exact shape', () => {
    const { key } = newApiKey();
    expect(bearerKey(`Bearer ${key}`)).toBe(key);
    expect(bearerKey(`bearer ${key}`)).toBe(key);
    expect(bearerKey(`Bearer   ${key}  `)).toBe(key);
    expect(bearerKey(`Basic ${key}`)).toBeNull();
    expect(bearerKey(`Bearer ${key}x`)).toBeNull();
    expect(bearerKey('Bearer apk_short')).toBeNull();
    expect(bearerKey(`Bearer ${key.slice(KEY_PREFIX.length)}`)).toBeNull();
    expect(bearerKey('')).toBeNull();
    expect(bearerKey(null)).toBeNull();
  });
});
