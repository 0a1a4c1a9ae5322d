import { describe, expect, it } from 'vitest';
import { deriveToken, isWellFormedToken, newNonce, tokenHash } from './tokens';

describe('consent tokens', () => {
  it('carry at least 128 bits of randomness and are well-formed', () => {
    const nonces = new Set(Array.from({ length: 1000 }, newNonce));
    expect(nonces.size).toBe(1000);
    expect(Buffer.from(newNonce(), 'base64url')).toHaveLength(16);
    const token = deriveToken('secret', 'link', 'partner-1', newNonce());
    expect(isWellFormedToken(token)).toBe(true);
    expect(isWellFormedToken(`${token}x`)).toBe(false);
    expect(isWellFormedToken('../../etc')).toBe(false);
  });

  it('change with the nonce, the owner, the purpose and the secret', () => {
    const base = deriveToken('secret', 'link', 'p', 'n');
    expect(deriveToken('secret', 'link', 'p', 'n')).toBe(base);
    expect(deriveToken('secret', 'link', 'p', 'm')).not.toBe(base);
    expect(deriveToken('secret', 'link', 'q', 'n')).not.toBe(base);
    expect(deriveToken('secret', 'invitation', 'p', 'n')).not.toBe(base);
    expect(deriveToken('other', 'link', 'p', 'n')).not.toBe(base);
  });

  it('are stored as a hash that does not reveal them', () => {
    const token = deriveToken('secret', 'link', 'p', 'n');
    expect(tokenHash(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(tokenHash(token)).not.toContain(token);
  });
});
