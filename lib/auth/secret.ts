/**
 * The key that signs session cookies and consent links: AUTH_SECRET, or
 * the file AUTH_SECRET_FILE names (made at random the first time; the demo
 * keeps it in data/auth-secret). Production requires one of the two
 * (lib/env.ts refuses to start without). In development and tests, without
 * either, data/auth-secret. While `next build` prerenders pages, a throwaway
 * key that nothing outlives.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { serverEnv } from '@/lib/env';

let buildSecret: string | undefined;

export function authSecret(): string {
  const { AUTH_SECRET, AUTH_SECRET_FILE, NODE_ENV } = serverEnv();
  if (AUTH_SECRET) return AUTH_SECRET;
  if (NODE_ENV === 'production' && !AUTH_SECRET_FILE) return (buildSecret ??= randomBytes(32).toString('base64url'));
  const file = resolve(/*turbopackIgnore: true*/ process.cwd(), AUTH_SECRET_FILE ?? join('data', 'auth-secret'));
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600, flag: 'wx' });
  }
  const secret = readFileSync(file, 'utf8').trim();
  if (secret.length < 32) throw new Error(`The secret in ${file} is shorter than 32 characters; delete the file to have a new one made.`);
  return secret;
}
