import { describe, expect, it } from 'vitest';
import { safeCallbackUrl } from './callback-url';

describe('the address to go back to after signing in', () => {
  it('is a path of the portal, or the start page', () => {
    expect(safeCallbackUrl('/consent/abc')).toBe('/consent/abc');
    expect(safeCallbackUrl('//evil.example/x')).toBe('/');
    expect(safeCallbackUrl('https://evil.example')).toBe('/');
    expect(safeCallbackUrl(null)).toBe('/');
  });
});
