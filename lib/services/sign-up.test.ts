/**
 * Signing up answers the same whatever the database holds; the email says
 * what comes next. A new account's address is confirmed by a single-use,
 * expiring link before its administrator may answer any partner.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { freshDatabase } from '@/test-support/database';
import { customer, customerAdmin, partner, relationshipLink } from '@/test-support/factories';

freshDatabase();
const { prisma } = await import('@/lib/db/client');
const { signUpCustomer } = await import('./sign-up');
const { verifyEmailWithToken } = await import('@/lib/data/email-tokens');
const { readSignedIn } = await import('@/lib/data/people');
const { acceptConsent } = await import('@/lib/data/relationships');
const { listOutbox, firstLink } = await import('@/lib/mail/outbox');

const PORTAL = 'https://partners.example.com';
let n = 0;

beforeEach(() => {
  vi.stubEnv('SMTP_URL', '');
  vi.stubEnv('MAIL_OUTBOX', mkdtempSync(join(tmpdir(), 'portal-signup-outbox-')));
});

function input(overrides: Partial<Parameters<typeof signUpCustomer>[0]> = {}) {
  n++;
  return {
    organisation: `Newco ${n}`,
    domain: `newco-${n}.example`,
    name: 'Casey',
    email: `casey@newco-${n}.example`,
    password: 'a-long-password-1',
    locale: 'en' as const,
    callbackUrl: '/consent/abc',
    ...overrides,
  };
}

const onlyMail = () => {
  const mail = listOutbox();
  expect(mail).toHaveLength(1);
  return mail![0]!;
};

describe('signing up', () => {
  it('makes an unconfirmed account and emails the link that confirms it, bringing the person back where they were', async () => {
    const asked = input();
    expect(await signUpCustomer(asked, PORTAL)).toEqual({ mail: { sent: true, via: 'outbox' } });
    const user = await prisma.user.findUniqueOrThrow({ where: { email: asked.email } });
    expect(user.emailVerifiedAt).toBeNull();
    const mail = onlyMail();
    expect(mail).toMatchObject({ to: asked.email, subject: 'Confirm your email address for the Autopilot partner portal' });
    const link = firstLink(mail.text)!;
    expect(link).toMatch(/^https:\/\/partners\.example\.com\/verify-email\/[A-Za-z0-9_-]{43}\?next=%2Fconsent%2Fabc$/);

    const token = new URL(link).pathname.split('/').at(-1)!;
    expect(await verifyEmailWithToken(token)).toEqual({ userId: user.id });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).emailVerifiedAt).toBeInstanceOf(Date);
    await expect(verifyEmailWithToken(token)).rejects.toMatchObject({ code: 'CONFLICT', details: { reason: 'used' } });
  });

  it('answers the same for an email or a verified domain that already has an account, creates nothing, and emails the next step', async () => {
    const first = input();
    await signUpCustomer(first, PORTAL);
    await prisma.customer.updateMany({ where: { domain: first.domain }, data: { verifiedDomain: first.domain, domainVerifiedAt: new Date(), domainVerifiedBy: 'dns' } });
    const customers = await prisma.customer.count();
    const users = await prisma.user.count();

    vi.stubEnv('MAIL_OUTBOX', mkdtempSync(join(tmpdir(), 'portal-signup-outbox-')));
    const sameEmail = await signUpCustomer(input({ email: first.email }), PORTAL);
    expect(sameEmail).toEqual({ mail: { sent: true, via: 'outbox' } });
    expect(onlyMail()).toMatchObject({ to: first.email, subject: 'You already have an account on the Autopilot partner portal' });
    expect(firstLink(onlyMail().text)).toBe(`${PORTAL}/sign-in?callbackUrl=%2Fconsent%2Fabc`);

    vi.stubEnv('MAIL_OUTBOX', mkdtempSync(join(tmpdir(), 'portal-signup-outbox-')));
    const other = `someone@${first.domain}`;
    const sameDomain = await signUpCustomer(input({ domain: first.domain, email: other }), PORTAL);
    expect(sameDomain).toEqual(sameEmail);
    expect(onlyMail()).toMatchObject({ to: other, subject: 'Your organisation is already on the Autopilot partner portal' });

    expect(await prisma.customer.count()).toBe(customers);
    expect(await prisma.user.count()).toBe(users);
  });

  it('lets a second organisation claim a domain nobody verified: whoever signed up first cannot keep the rightful owner out', async () => {
    const squatter = input();
    await signUpCustomer(squatter, PORTAL);
    const owner = input({ domain: squatter.domain, email: `cio@${squatter.domain}` });
    vi.stubEnv('MAIL_OUTBOX', mkdtempSync(join(tmpdir(), 'portal-signup-outbox-')));
    await signUpCustomer(owner, PORTAL);
    expect(onlyMail()).toMatchObject({ to: owner.email, subject: 'Confirm your email address for the Autopilot partner portal' });
    const claims = await prisma.customer.findMany({ where: { domain: squatter.domain }, select: { verifiedDomain: true } });
    expect(claims).toEqual([{ verifiedDomain: null }, { verifiedDomain: null }]);
  });

  it('refuses an expired or made-up link, and confirms nothing', async () => {
    const asked = input();
    await signUpCustomer(asked, PORTAL);
    const token = new URL(firstLink(onlyMail().text)!).pathname.split('/').at(-1)!;
    await prisma.emailToken.updateMany({ data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect(verifyEmailWithToken(token)).rejects.toMatchObject({ code: 'CONFLICT', details: { reason: 'expired' } });
    await expect(verifyEmailWithToken('x'.repeat(43))).rejects.toMatchObject({ code: 'CONFLICT', details: { reason: 'invalid' } });
    await expect(verifyEmailWithToken('../../etc')).rejects.toMatchObject({ code: 'CONFLICT', details: { reason: 'invalid' } });
    expect((await prisma.user.findUniqueOrThrow({ where: { email: asked.email } })).emailVerifiedAt).toBeNull();
  });

  it('writes the email in French for someone signing up in French', async () => {
    await signUpCustomer(input({ locale: 'fr' }), PORTAL);
    expect(onlyMail().subject).toBe('Confirmez votre adresse e-mail pour le portail partenaires Autopilot');
  });
});

describe('an administrator who has not confirmed their address', () => {
  it('cannot accept a partner’s link, until they do (the attack: signing up with someone else’s address)', async () => {
    const p = await partner({ name: 'Contoso Partner' });
    const c = await customer();
    const unconfirmed = await customerAdmin(c, { unverified: true });
    const token = await relationshipLink(p);
    await expect(acceptConsent(unconfirmed, token)).rejects.toMatchObject({ code: 'FORBIDDEN', details: { reason: 'email-unverified' } });
    expect(await prisma.relationship.count({ where: { customerId: c.id } })).toBe(0);

    await prisma.user.update({ where: { id: unconfirmed.userId }, data: { emailVerifiedAt: new Date() } });
    const confirmed = (await readSignedIn(unconfirmed.userId, 0))!;
    expect(confirmed).toMatchObject({ type: 'customer-admin', emailVerified: true });
    if (confirmed.type !== 'customer-admin') throw new Error('expected a customer administrator');
    expect(await acceptConsent(confirmed, token)).toMatchObject({ alreadyActive: false, partnerName: 'Contoso Partner' });
  });
});
