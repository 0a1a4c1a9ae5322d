/** API keys: 256 random bits, shown once, stored as a SHA-256. */
import { createHash, randomBytes } from 'node:crypto';

export const KEY_PREFIX = 'apk_';

export function newApiKey(): { key: string; prefix: string; hash: string } {
  const key = KEY_PREFIX + randomBytes(32).toString('base64url');
  return { key, prefix: key.slice(0, 12), hash: apiKeyHash(key) };
}

export function apiKeyHash(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** The key of an `Authorization: Bearer` header, if it is one of ours in shape. */
export function bearerKey(header: string | null): string | null {
  // The scheme's name is case-insensitive (RFC 7235); the key is not.
  const match = /^Bearer[ \t]+(apk_[A-Za-z0-9_-]{43})[ \t]*$/i.exec(header ?? '');
  return match ? match[1]! : null;
}
