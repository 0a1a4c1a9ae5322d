/**
 * The second factor: a time-based code from an authenticator app (TOTP,
 * RFC 6238, 30-second steps, 6 digits), or a one-time recovery code. The
 * app's secret is stored encrypted (AES-256-GCM, with a key derived from
 * the server's secret), so a copy of the database alone computes no code.
 */
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes, randomInt } from 'node:crypto';
import { generateSecret, generateURI, verify } from 'otplib';

export const TOTP_PERIOD_SECONDS = 30;
export const RECOVERY_CODE_COUNT = 10;

function key(serverSecret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', serverSecret, 'autopilot-portal', 'authenticator-secret', 32));
}

/** A new authenticator secret (base32, 160 bits), as the app is given it. */
export function newAuthenticatorSecret(): string {
  return generateSecret();
}

export function encryptSecret(secret: string, serverSecret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key(serverSecret), iv);
  const sealed = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64url'), sealed.toString('base64url'), cipher.getAuthTag().toString('base64url')].join('.');
}

export function decryptSecret(stored: string, serverSecret: string): string {
  const [version, iv, sealed, tag] = stored.split('.');
  if (version !== 'v1' || !iv || !sealed || !tag) throw new Error('The authenticator secret is not in a known form.');
  const decipher = createDecipheriv('aes-256-gcm', key(serverSecret), Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(sealed, 'base64url')), decipher.final()]).toString('utf8');
}

/** The address an authenticator app reads (as a QR code, or typed): otpauth://totp/… */
export function authenticatorUri(secret: string, account: string, issuer = 'Autopilot partner portal'): string {
  return generateURI({ issuer, label: account, secret });
}

/** What a person typed as a code: digits only, spaces and dashes dropped. */
export function normaliseCode(code: string): string {
  return code.replace(/[\s-]/g, '');
}

/**
 * The time step of the code when it is valid now (one step of clock drift
 * either way is allowed) and later than `afterStep`, the last one accepted:
 * a code is never accepted twice. Null otherwise.
 */
export async function acceptedStep(secret: string, code: string, afterStep: number | null, now = Date.now()): Promise<number | null> {
  const token = normaliseCode(code);
  if (!/^\d{6}$/.test(token)) return null;
  const epoch = Math.floor(now / 1000);
  const result = await verify({
    secret,
    token,
    epoch,
    epochTolerance: TOTP_PERIOD_SECONDS,
    ...(afterStep !== null && { afterTimeStep: afterStep }),
  });
  return result.valid ? Math.floor(epoch / TOTP_PERIOD_SECONDS) + result.delta : null;
}

/** Ten recovery codes, each ten characters from 31 (about 49 random bits) written xxxxx-xxxxx, without look-alike letters. */
export function newRecoveryCodes(): string[] {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = Array.from({ length: 10 }, () => alphabet[randomInt(alphabet.length)]).join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

/** Whether what was typed looks like a recovery code rather than an app's code. */
export function looksLikeRecoveryCode(code: string): boolean {
  return /^[a-z0-9]{10}$/i.test(normaliseCode(code)) && !/^\d+$/.test(normaliseCode(code));
}

export function recoveryCodeHash(code: string): string {
  return createHash('sha256').update(normaliseCode(code).toLowerCase()).digest('hex');
}
