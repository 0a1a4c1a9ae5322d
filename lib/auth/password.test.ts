import bcrypt from 'bcryptjs';
import { describe, expect, it } from 'vitest';
import { hashPassword, needsRehash, verifyPassword } from './password';

describe('passwords', () => {
  it('verify against the hash made from them, and a new hash needs no upgrade', async () => {
    const stored = await hashPassword('Autopilot-demo-1');
    expect(stored).toMatch(/^scrypt\$N=\d+,r=\d+,p=\d+\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(await verifyPassword('Autopilot-demo-1', stored)).toBe(true);
    expect(needsRehash(stored)).toBe(false);
  });

  it('a wrong password does not verify', async () => {
    const stored = await hashPassword('Autopilot-demo-1');
    expect(await verifyPassword('Autopilot-demo-2', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  it('the same password hashed twice gives different strings, both verifying', async () => {
    const [a, b] = await Promise.all([hashPassword('same password'), hashPassword('same password')]);
    expect(a).not.toBe(b);
    expect(a.split('$')[2]).not.toBe(b.split('$')[2]);
    expect(await verifyPassword('same password', a)).toBe(true);
    expect(await verifyPassword('same password', b)).toBe(true);
  });

  it('a bcrypt hash from before still signs in, and is marked for an upgrade', async () => {
    for (const stored of [await bcrypt.hash('Autopilot-demo-1', 4), (await bcrypt.hash('Autopilot-demo-1', 4)).replace('$2b$', '$2a$')]) {
      expect(await verifyPassword('Autopilot-demo-1', stored)).toBe(true);
      expect(await verifyPassword('wrong', stored)).toBe(false);
      expect(needsRehash(stored)).toBe(true);
    }
  });

  it('a scrypt hash with weaker parameters than today is marked for an upgrade', async () => {
    const stored = await hashPassword('Autopilot-demo-1');
    const weaker = stored.replace(/^scrypt\$N=\d+,r=\d+,p=\d+\$/, 'scrypt$N=1024,r=8,p=1$');
    expect(needsRehash(weaker)).toBe(true);
  });

  it('an unreadable stored string is a failed check, not an error', async () => {
    const stored = await hashPassword('pw');
    const [, params, salt, hash] = stored.split('$');
    for (const bad of [
      '',
      'plain-text',
      '$2b$12$short',
      `scrypt$${params}$${salt}`,
      `scrypt$N=1000,r=8,p=1$${salt}$${hash}`, // N not a power of two
      `scrypt$N=1073741824,r=8,p=1$${salt}$${hash}`, // far more memory than allowed
      `scrypt$${params}$$${hash}`,
      `scrypt$${params}$${salt}$not*base64`,
      `argon2id$v=19$m=65536,t=3,p=4$${salt}$${hash}`,
    ]) {
      await expect(verifyPassword('pw', bad), bad).resolves.toBe(false);
    }
  });
});
