import { describe, expect, it } from 'vitest';
import { secondsUntilToken, tokensAt } from './rate-limit';

describe('a token bucket', () => {
  const rule = { capacity: 3, perSecond: 0.5 };

  it('refills at its rate from when it was last counted, never beyond its capacity', () => {
    expect(tokensAt(rule, 0, 0, 1000)).toBe(0.5);
    expect(tokensAt(rule, 1, 0, 2000)).toBe(2);
    expect(tokensAt(rule, 2, 0, 60_000)).toBe(3);
  });

  it('does not refill for a clock that went back', () => {
    expect(tokensAt(rule, 1, 5000, 4000)).toBe(1);
  });

  it('says in whole seconds, at least one, how long until the next token', () => {
    expect(secondsUntilToken(rule, 0)).toBe(2);
    expect(secondsUntilToken(rule, 0.9)).toBe(1);
    expect(secondsUntilToken({ capacity: 1, perSecond: 1 / 90 }, 0)).toBe(90);
  });
});
