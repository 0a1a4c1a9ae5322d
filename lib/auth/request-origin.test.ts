import { describe, expect, it } from 'vitest';
import { isSameOrigin, requestFacts } from './request-origin';

const forged = new Headers({ host: 'localhost:3000', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.9' });

describe('what a request says of its address', () => {
  it('ignores forwarded headers unless a proxy is trusted', () => {
    expect(requestFacts(forged, false)).toEqual({ host: 'localhost:3000', proto: 'http', clientAddress: '203.0.113.9' });
    expect(requestFacts(forged, true)).toEqual({ host: 'evil.example', proto: 'https', clientAddress: '203.0.113.9' });
  });

  it('takes, behind a trusted proxy, the client address the proxy appended, not one the client wrote before it', () => {
    const h = new Headers({ host: 'internal', 'x-forwarded-for': '198.51.100.1, 192.0.2.7' });
    expect(requestFacts(h, true).clientAddress).toBe('192.0.2.7');
  });

  it('accepts a state change only from the portal’s own origin', () => {
    expect(isSameOrigin(new Headers({ host: 'localhost:3000', origin: 'http://localhost:3000' }), false)).toBe(true);
    expect(isSameOrigin(new Headers({ ...Object.fromEntries(forged), origin: 'https://evil.example' }), false)).toBe(false);
    expect(isSameOrigin(new Headers({ ...Object.fromEntries(forged), origin: 'https://evil.example' }), true)).toBe(true);
    expect(isSameOrigin(new Headers({ host: 'localhost:3000' }), false)).toBe(false);
    expect(isSameOrigin(new Headers({ host: 'localhost:3000', origin: 'null' }), false)).toBe(false);
    expect(isSameOrigin(new Headers({ host: 'internal', origin: 'https://partners.example.com' }), false, 'https://partners.example.com')).toBe(true);
    expect(isSameOrigin(new Headers({ host: 'partners.example.com', origin: 'https://evil.example' }), false, 'https://partners.example.com')).toBe(false);
  });
});
