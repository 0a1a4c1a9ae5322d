import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, newNonce } from './headers';

const directives = (policy: string) => new Map(policy.split('; ').map((d) => [d.split(' ')[0]!, d.split(' ').slice(1)]));

describe('the pages’ Content-Security-Policy', () => {
  it('lets scripts run only from the portal and by the answer’s nonce, and forbids plugins, base changes, foreign forms and framing', () => {
    const policy = directives(contentSecurityPolicy('abc123=='));
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('script-src')).toEqual(["'self'", "'nonce-abc123=='", "'strict-dynamic'"]);
    expect(policy.get('script-src')).not.toContain("'unsafe-inline'");
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(policy.get('form-action')).toEqual(["'self'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.has('upgrade-insecure-requests')).toBe(false);
  });
  it('allows eval only to the development server, and upgrades requests only over HTTPS', () => {
    expect(directives(contentSecurityPolicy('n', { dev: true })).get('script-src')).toContain("'unsafe-eval'");
    expect(directives(contentSecurityPolicy('n')).get('script-src')).not.toContain("'unsafe-eval'");
    expect(directives(contentSecurityPolicy('n', { https: true })).has('upgrade-insecure-requests')).toBe(true);
  });
  it('gets a new, unguessable nonce for every answer', () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});
