/**
 * Tokens of relationship links and invitations. A token is the HMAC-SHA-256,
 * under the server's secret, of a random 128-bit nonce kept in the database:
 * the database holds only the nonce and the token's SHA-256, so a copy of it
 * yields no working link, while the portal can show a partner its link again.
 * A new nonce makes the old token worthless.
 */
import { createHash, createHmac, randomBytes } from 'node:crypto';

export type TokenPurpose = 'link' | 'invitation';

export function newNonce(): string {
  return randomBytes(16).toString('base64url');
}

export function deriveToken(secret: string, purpose: TokenPurpose, ownerId: string, nonce: string): string {
  return createHmac('sha256', secret).update(`${purpose}:${ownerId}:${nonce}`).digest('base64url');
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** What a token looks like (consent links, emailed links): 43 base64url characters (256 bits). Anything else is not looked up. */
export function isWellFormedToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}

/** A partner's new relationship link: the nonce and hash to store, and the token to show. */
export function newLinkToken(secret: string, partnerId: string): { nonce: string; token: string; hash: string } {
  const nonce = newNonce();
  const token = deriveToken(secret, 'link', partnerId, nonce);
  return { nonce, token, hash: tokenHash(token) };
}
