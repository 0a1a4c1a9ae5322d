import { describe, expect, it } from 'vitest';
import { safeCallbackUrl } from './callback-url';

/** Where a browser on the portal would go with the answer as a Location header. */
function whereTheBrowserGoes(path: string): string {
  return new URL(path, 'http://localhost:3000').host;
}

describe('the address to go back to after signing in', () => {
  it('keeps a path of the portal, its query and its fragment', () => {
    expect(safeCallbackUrl('/consent/abc')).toBe('/consent/abc');
    expect(safeCallbackUrl('/customers?page=2&q=fab#top')).toBe('/customers?page=2&q=fab#top');
    expect(safeCallbackUrl('/customers/../relationships')).toBe('/relationships');
  });

  it.each([
    ['//evil.example/x'],
    ['https://evil.example'],
    ['/\\evil.example/x'],
    ['/%5Cevil.example/x'],
    ['\\\\evil.example'],
    ['/\t/evil.example'],
    ['/\n/evil.example'],
    ['/\r\n/evil.example'],
    ['/.//evil.example'],
    ['/./\\evil.example'],
    ['///evil.example'],
    ['/%2F/evil.example'],
    ['/%2f%2fevil.example'],
    ['javascript:alert(1)'],
    ['/\u0000/evil.example'],
    ['http:/evil.example'],
    [' /evil'],
    [''],
    [null],
    [42],
    [`/${'a'.repeat(3000)}`],
  ])('never leaves the portal for %j', (input) => {
    const safe = safeCallbackUrl(input);
    expect(safe.startsWith('/')).toBe(true);
    expect(safe.startsWith('//')).toBe(false);
    expect(whereTheBrowserGoes(safe)).toBe('localhost:3000');
  });

  it('gives the start page for anything it refuses', () => {
    expect(safeCallbackUrl('/\\evil.example/x')).toBe('/');
    expect(safeCallbackUrl('/.//evil.example')).toBe('/');
    expect(safeCallbackUrl('https://evil.example')).toBe('/');
  });
});
