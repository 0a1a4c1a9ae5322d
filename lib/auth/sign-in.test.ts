/**
 * Signing in, step by step, against the database: the password step, the
 * second factor, and the ticket that makes a session. Each attack tried is
 * replayed here and refused.
 */
import { generate } from 'otplib';
import { describe, expect, it } from 'vitest';
import { freshDatabase } from '@/test-support/database';
import { agent, FACTORY_PASSWORD, partner } from '@/test-support/factories';

freshDatabase();
const { prisma } = await import('@/lib/db/client');
const { codeStep, passwordStep, redeemTicket } = await import('./sign-in');
const { confirmMfaEnrolment, mfaEnrolmentSecret } = await import('@/lib/data/mfa');
const { deactivateMember } = await import('@/lib/data/members');
const { setPasswordWithLink } = await import('@/lib/data/accounts');
const { issueEmailToken } = await import('@/lib/data/email-tokens');
const { ACCOUNT_RULE } = await import('@/lib/data/sign-in-throttle');

async function withMfa() {
  const a = await agent(await partner());
  const secret = (await mfaEnrolmentSecret(a.userId))!;
  const recovery = await confirmMfaEnrolment(a.userId, await generate({ secret }));
  return { a, secret, recovery };
}

const nextStepCode = (secret: string) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 });

describe('the password step', () => {
  it('gives a ticket for the right password, which makes a session of the account once redeemed', async () => {
    const a = await agent(await partner());
    const step = await passwordStep(a.email, FACTORY_PASSWORD, '192.0.2.1');
    expect(step.next).toBe('session');
    if (step.next !== 'session') return;
    expect(await redeemTicket(step.ticket)).toMatchObject({ id: a.userId, email: a.email, sessionVersion: 0 });
  });

  it('refuses a wrong password, an unknown email, an invited account with no password, and a deactivated account alike', async () => {
    const p = await partner();
    const admin = await agent(p);
    const gone = await agent(p, { role: 'PARTNER_SALES' });
    await deactivateMember({ userId: admin.userId, email: admin.email, org: { partnerId: p.id } }, gone.userId);
    const invited = await prisma.user.create({ data: { email: 'invited@partner.example', name: 'Invited', role: 'PARTNER_SALES', partnerId: p.id } });
    for (const [email, password] of [
      [admin.email, 'not-the-password'],
      ['nobody@partner.example', FACTORY_PASSWORD],
      [invited.email, ''],
      [gone.email, FACTORY_PASSWORD],
    ] as const) {
      expect(await passwordStep(email, password, '192.0.2.2'), email).toEqual({ next: 'refused', reason: 'invalid' });
    }
  });

  it('asks an account with a second factor for a code, and never gives it a ticket for the password alone', async () => {
    const { a } = await withMfa();
    const step = await passwordStep(a.email, FACTORY_PASSWORD, '192.0.2.3');
    expect(step.next).toBe('code');
    if (step.next !== 'code') return;
    // The challenge the browser holds is no ticket.
    expect(await redeemTicket(step.challenge)).toBeNull();
  });
});

describe('the code step', () => {
  it('gives a ticket for a code from the app, and refuses the same code twice', async () => {
    const { a, secret } = await withMfa();
    const first = await passwordStep(a.email, FACTORY_PASSWORD, '192.0.2.4');
    if (first.next !== 'code') throw new Error('a code was expected');
    const code = await nextStepCode(secret);
    const step = await codeStep(first.challenge, code, '192.0.2.4');
    expect(step.next).toBe('session');
    expect(await codeStep(first.challenge, code, '192.0.2.4')).toEqual({ next: 'refused', reason: 'wrong-code' });
  });

  it('lets only one of two sign-ins racing with one code through', async () => {
    const { a, secret } = await withMfa();
    const first = await passwordStep(a.email, FACTORY_PASSWORD, '192.0.2.5');
    if (first.next !== 'code') throw new Error('a code was expected');
    const code = await nextStepCode(secret);
    const results = await Promise.all(Array.from({ length: 5 }, () => codeStep(first.challenge, code, '192.0.2.5')));
    expect(results.filter((r) => r.next === 'session')).toHaveLength(1);
  });

  it('accepts each recovery code once', async () => {
    const { a, recovery } = await withMfa();
    const first = await passwordStep(a.email, FACTORY_PASSWORD, '192.0.2.6');
    if (first.next !== 'code') throw new Error('a code was expected');
    expect((await codeStep(first.challenge, recovery[0]!.toUpperCase(), '192.0.2.6')).next).toBe('session');
    expect(await codeStep(first.challenge, recovery[0]!, '192.0.2.6')).toEqual({ next: 'refused', reason: 'wrong-code' });
    expect((await codeStep(first.challenge, recovery[1]!, '192.0.2.6')).next).toBe('session');
  });

  it('refuses a forged challenge, and one made before the password changed', async () => {
    const { a, secret } = await withMfa();
    expect(await codeStep('forged.challenge', await nextStepCode(secret), null)).toEqual({ next: 'refused', reason: 'expired' });
    const first = await passwordStep(a.email, FACTORY_PASSWORD, '192.0.2.7');
    if (first.next !== 'code') throw new Error('a code was expected');
    await setPasswordWithLink(await issueEmailToken(a.userId, 'reset-password'), 'reset-password', 'Another-long-passphrase-9');
    expect(await codeStep(first.challenge, await nextStepCode(secret), '192.0.2.7')).toEqual({ next: 'refused', reason: 'expired' });
  });

  it('cannot be locked by someone spraying wrong passwords at the account: its owner still signs in with password and code', async () => {
    const { a, secret } = await withMfa();
    const wrong = [];
    for (let i = 0; i < ACCOUNT_RULE.capacity + 2; i++) wrong.push(await passwordStep(a.email, 'wrong-password', `198.51.100.${i}`));
    // Once the account's attempts are used up, a wrong password also goes to the code step: the guesser learns nothing...
    const lastWrong = wrong.at(-1)!;
    expect(lastWrong.next).toBe('code');
    if (lastWrong.next !== 'code') return;
    // ...and no code gets them in, not even the right one.
    expect(await codeStep(lastWrong.challenge, await nextStepCode(secret), '198.51.100.99')).toEqual({ next: 'refused', reason: 'wrong-code' });
    // Many codes tried after wrong passwords use up none of the owner's code attempts.
    for (let i = 0; i < ACCOUNT_RULE.capacity + 2; i++) await codeStep(lastWrong.challenge, String(200000 + i), `198.51.100.${i}`);
    // The owner, with the right password and a right code, is in.
    const owner = await passwordStep(a.email, FACTORY_PASSWORD, '192.0.2.8');
    expect(owner.next).toBe('code');
    if (owner.next !== 'code') return;
    expect((await codeStep(owner.challenge, await nextStepCode(secret), '192.0.2.8')).next).toBe('session');
  });

  it('keeps an account without a second factor waiting once its attempts are used up', async () => {
    const a = await agent(await partner());
    for (let i = 0; i < ACCOUNT_RULE.capacity; i++) await passwordStep(a.email, 'wrong-password', `198.51.100.${i}`);
    expect(await passwordStep(a.email, FACTORY_PASSWORD, '192.0.2.11')).toEqual({ next: 'refused', reason: 'throttled' });
  });

  it('is throttled too: guessing codes stops after ten tries', async () => {
    const { a } = await withMfa();
    const first = await passwordStep(a.email, FACTORY_PASSWORD, '192.0.2.9');
    if (first.next !== 'code') throw new Error('a code was expected');
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => codeStep(first.challenge, String(100000 + i), `203.0.113.${i}`)));
    expect(results.filter((r) => r.next === 'refused' && r.reason === 'throttled').length).toBeGreaterThanOrEqual(30 - ACCOUNT_RULE.capacity);
  });
});

describe('a reset by email', () => {
  it('ends every session, verifies the address, and gives back the attempts someone else used up', async () => {
    const a = await agent(await partner());
    for (let i = 0; i < ACCOUNT_RULE.capacity + 1; i++) await passwordStep(a.email, 'wrong-password', `198.51.100.${i}`);
    expect(await passwordStep(a.email, FACTORY_PASSWORD, '192.0.2.10')).toEqual({ next: 'refused', reason: 'throttled' });
    await setPasswordWithLink(await issueEmailToken(a.userId, 'reset-password'), 'reset-password', 'Another-long-passphrase-9');
    expect((await prisma.user.findUniqueOrThrow({ where: { id: a.userId } })).sessionVersion).toBe(1);
    expect((await passwordStep(a.email, 'Another-long-passphrase-9', '192.0.2.10')).next).toBe('session');
  });
});
