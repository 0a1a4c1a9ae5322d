/** The per-key token bucket behind the REST API's limit, driven by an explicit clock. */
import { describe, expect, it } from 'vitest';
import { createRateLimit } from './rate-limit';

const T = 1_000_000;

describe('the per-key rate limit', () => {
  it('allows a burst of its capacity, then refuses with the whole seconds to wait', () => {
    const limit = createRateLimit(3, 1);
    expect([limit.take('k', T), limit.take('k', T), limit.take('k', T)]).toEqual([{ ok: true }, { ok: true }, { ok: true }]);
    expect(limit.take('k', T)).toEqual({ ok: false, retryAfter: 1 });
    // A refusal spends nothing: asking again at once is refused the same way.
    expect(limit.take('k', T)).toEqual({ ok: false, retryAfter: 1 });
  });

  it('says how long to wait at a slow rate, rounding up to whole seconds', () => {
    const limit = createRateLimit(1, 0.25);
    expect(limit.take('k', T)).toEqual({ ok: true });
    expect(limit.take('k', T)).toEqual({ ok: false, retryAfter: 4 });
    expect(limit.take('k', T + 1500)).toEqual({ ok: false, retryAfter: 3 });
    expect(limit.take('k', T + 3999)).toEqual({ ok: false, retryAfter: 1 });
    expect(limit.take('k', T + 4000)).toEqual({ ok: true });
  });

  it('refills at its rate, never beyond its capacity', () => {
    const limit = createRateLimit(2, 2);
    limit.take('k', T);
    limit.take('k', T);
    expect(limit.take('k', T + 400).ok).toBe(false);
    expect(limit.take('k', T + 500)).toEqual({ ok: true });
    expect(limit.take('k', T + 500).ok).toBe(false);
    // An hour idle gives back the burst, not an hour's worth of requests.
    const later = T + 3_600_000;
    expect([limit.take('k', later), limit.take('k', later), limit.take('k', later)].map((r) => r.ok)).toEqual([true, true, false]);
  });

  it('keeps each key’s bucket to itself', () => {
    const limit = createRateLimit(1, 1);
    expect(limit.take('a', T)).toEqual({ ok: true });
    expect(limit.take('a', T).ok).toBe(false);
    expect(limit.take('b', T)).toEqual({ ok: true });
    expect(limit.take('b', T).ok).toBe(false);
    expect(createRateLimit(1, 1).take('a', T)).toEqual({ ok: true });
  });

  it('tells whether there is room without spending it', () => {
    const limit = createRateLimit(2, 1);
    for (let i = 0; i < 5; i++) expect(limit.hasRoom('k', T)).toBe(true);
    expect([limit.take('k', T), limit.take('k', T)]).toEqual([{ ok: true }, { ok: true }]);
    expect(limit.hasRoom('k', T)).toBe(false);
    expect(limit.hasRoom('k', T + 999)).toBe(false);
    expect(limit.hasRoom('k', T + 1000)).toBe(true);
    expect(limit.take('k', T + 1000)).toEqual({ ok: true });
    expect(limit.hasRoom('k', T + 1000)).toBe(false);
  });

  it('keeps a bounded number of keys under a flood of made-up ones, and still limits a busy key', () => {
    const limit = createRateLimit(2, 1, 100);
    expect(limit.take('busy', 0)).toEqual({ ok: true });
    expect(limit.take('busy', 0)).toEqual({ ok: true });
    for (let i = 0; i < 5_000; i++) limit.take(`made-up-${i}`, 0);
    expect(limit.size()).toBeLessThanOrEqual(100);
    // Still empty, unless it was dropped as the least recently used: then it starts full, never beyond.
    const busy = [limit.take('busy', 0), limit.take('busy', 0), limit.take('busy', 0)];
    expect(busy.filter((r) => r.ok).length).toBeLessThanOrEqual(2);
    expect(busy.at(-1)).toEqual({ ok: false, retryAfter: 1 });
  });

  it('drops full buckets first: a key that waited long enough loses nothing by being forgotten', () => {
    const limit = createRateLimit(1, 1, 10);
    for (let i = 0; i < 10; i++) limit.take(`k${i}`, 0);
    // A second later every bucket is full again; the next key makes room by dropping them.
    expect(limit.take('new', 1000)).toEqual({ ok: true });
    expect(limit.size()).toBe(1);
    expect(limit.take('new', 1000)).toEqual({ ok: false, retryAfter: 1 });
  });
});
