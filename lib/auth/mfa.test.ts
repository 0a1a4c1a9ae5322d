import { generate } from 'otplib';
import { describe, expect, it } from 'vitest';
import { acceptedStep, decryptSecret, encryptSecret, looksLikeRecoveryCode, newAuthenticatorSecret, newRecoveryCodes, recoveryCodeHash, TOTP_PERIOD_SECONDS } from './mfa';

const SECRET = 'a-server-secret-of-at-least-32-characters';

describe('the authenticator app’s codes', () => {
  it('are accepted now and one step either side, then never again', async () => {
    const secret = newAuthenticatorSecret();
    const now = 1_790_000_000_000;
    const step = Math.floor(now / 1000 / TOTP_PERIOD_SECONDS);
    const code = await generate({ secret, epoch: now / 1000 });
    expect(await acceptedStep(secret, code, null, now)).toBe(step);
    expect(await acceptedStep(secret, code.replace(/^(\d{3})/, '$1 '), null, now)).toBe(step);
    // Replayed after it was accepted: refused.
    expect(await acceptedStep(secret, code, step, now)).toBeNull();
    // A code of the step before (a slow clock) is still fine; two steps away is not.
    const previous = await generate({ secret, epoch: now / 1000 - TOTP_PERIOD_SECONDS });
    expect(await acceptedStep(secret, previous, null, now)).toBe(step - 1);
    const old = await generate({ secret, epoch: now / 1000 - 3 * TOTP_PERIOD_SECONDS });
    expect(await acceptedStep(secret, old, null, now)).toBeNull();
    expect(await acceptedStep(secret, '12345', null, now)).toBeNull();
    expect(await acceptedStep(secret, 'abcdef', null, now)).toBeNull();
  });
  it('come from a secret stored encrypted: the database alone cannot read it', () => {
    const secret = newAuthenticatorSecret();
    const stored = encryptSecret(secret, SECRET);
    expect(stored).not.toContain(secret);
    expect(decryptSecret(stored, SECRET)).toBe(secret);
    expect(() => decryptSecret(stored, 'another-server-secret-of-32-characters!')).toThrow();
  });
});

describe('recovery codes', () => {
  it('are ten, distinct, and told apart from an app’s code', () => {
    const codes = newRecoveryCodes();
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) {
      expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
      expect(looksLikeRecoveryCode(code)).toBe(true);
      expect(recoveryCodeHash(code.toUpperCase().replace('-', ' '))).toBe(recoveryCodeHash(code));
    }
    expect(looksLikeRecoveryCode('123456')).toBe(false);
  });
});
