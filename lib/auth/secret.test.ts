/** Where the signing secret comes from: AUTH_SECRET, or a file made once and kept. */
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { authSecret } from './secret';

const SECRET = 'k3Vd7q1Zr9yXo2bLw5sPn8tAe4uHc6fJmG0iQ';

describe('the signing secret', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('is AUTH_SECRET when it is set', () => {
    vi.stubEnv('AUTH_SECRET', SECRET);
    expect(authSecret()).toBe(SECRET);
  });

  it('is made at random in the AUTH_SECRET_FILE the first time, readable by its owner only, and the same ever after', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'portal-secret-')), 'nested', 'auth-secret');
    vi.stubEnv('AUTH_SECRET', '');
    vi.stubEnv('NODE_ENV', 'production');
    vi.stubEnv('AUTH_SECRET_FILE', file);
    const first = authSecret();
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(existsSync(file)).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(authSecret()).toBe(first);
    expect(readFileSync(file, 'utf8').trim()).toBe(first);
  });

  it('refuses a file whose secret is too short, saying what to do', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'portal-secret-')), 'auth-secret');
    writeFileSync(file, 'short\n');
    vi.stubEnv('AUTH_SECRET', '');
    vi.stubEnv('AUTH_SECRET_FILE', file);
    expect(() => authSecret()).toThrow(/shorter than 32 characters; delete the file/);
  });
});
