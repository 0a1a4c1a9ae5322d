/** Which account a single sign-on opens: linked, found by a verified email, or none; never a new one. */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { OidcIdentity } from '@/lib/auth/oidc';
import { freshDatabase } from '@/test-support/database';
import { agent, customer, customerAdmin, partner, type TestCustomer } from '@/test-support/factories';

freshDatabase();
const { findUserForOidcSignIn, oidcSubjectKey } = await import('./oidc-accounts');
const { prisma } = await import('@/lib/db/client');

const ISSUER = 'https://login.microsoftonline.com/0b5c8e63-4f7e-4b36-9a4e-3c7f2d1e9a10/v2.0';

/** A verified identity for the email, with a new subject unless one is given. */
function identity(email: string, overrides: Partial<OidcIdentity> = {}): OidcIdentity {
  return { issuer: ISSUER, subject: randomUUID(), email, emailVerified: true, name: 'Someone', tenantId: null, ...overrides };
}

const stored = (userId: string) =>
  prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { oidcSubject: true, emailVerifiedAt: true, passwordHash: true, sessionVersion: true } });
const linkEvents = (userId: string) => prisma.auditEvent.findMany({ where: { targetId: userId, action: 'user.sso-linked' } });
const tenantOf = async (c: TestCustomer) => (await prisma.customer.findUniqueOrThrow({ where: { id: c.id }, select: { entraTenantId: true } })).entraTenantId;

/** A person invited to the customer who has not accepted yet: no password, no verified address. */
async function invited(of: TestCustomer) {
  const email = `invited-${randomUUID().slice(0, 8)}@${of.domain}`;
  return prisma.user.create({ data: { email, name: 'Invited', role: 'CUSTOMER_ADMIN', customerId: of.id, passwordHash: null, emailVerifiedAt: null }, select: { id: true, email: true } });
}

describe('a single sign-on with a verified email', () => {
  it('links the account with that email, once, and says so in the audit trail', async () => {
    const felix = await customerAdmin(await customer());
    const id = identity(felix.email);
    expect(await findUserForOidcSignIn(id)).toEqual({ id: felix.userId, email: felix.email, name: felix.name, sessionVersion: 0 });
    expect((await stored(felix.userId)).oidcSubject).toBe(oidcSubjectKey(id));
    const events = await linkEvents(felix.userId);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: felix.userId, actorEmail: felix.email, customerId: felix.customerId, targetType: 'User' });
    expect(JSON.parse(events[0]!.details)).toEqual({ issuer: ISSUER, subject: id.subject });
    // The next sign-in finds the link: nothing more is written.
    expect(await findUserForOidcSignIn(id)).toMatchObject({ id: felix.userId });
    expect(await linkEvents(felix.userId)).toHaveLength(1);
  });

  it('links a partner agent too', async () => {
    const ana = await agent(await partner());
    expect(await findUserForOidcSignIn(identity(ana.email))).toMatchObject({ id: ana.userId, email: ana.email });
  });

  it('completes a pending invitation: the address counts as verified', async () => {
    const person = await invited(await customer());
    expect(await findUserForOidcSignIn(identity(person.email))).toMatchObject({ id: person.id });
    const after = await stored(person.id);
    expect(after.emailVerifiedAt).toBeInstanceOf(Date);
    expect(after.passwordHash).toBeNull();
  });

  it('keeps an address verified earlier as it was', async () => {
    const felix = await customerAdmin(await customer());
    const before = (await stored(felix.userId)).emailVerifiedAt;
    await findUserForOidcSignIn(identity(felix.email));
    expect((await stored(felix.userId)).emailVerifiedAt).toEqual(before);
  });
});

describe('a single sign-on is refused', () => {
  it('when the provider does not say the email is verified: nothing is linked', async () => {
    const felix = await customerAdmin(await customer());
    expect(await findUserForOidcSignIn(identity(felix.email, { emailVerified: false }))).toBeNull();
    expect((await stored(felix.userId)).oidcSubject).toBeNull();
    expect(await linkEvents(felix.userId)).toHaveLength(0);
  });

  it('when there is no email, or no account with it: no account is made', async () => {
    const users = await prisma.user.count();
    expect(await findUserForOidcSignIn(identity('nobody@nowhere.example'))).toBeNull();
    expect(await findUserForOidcSignIn({ ...identity('x@y.example'), email: null, emailVerified: false })).toBeNull();
    expect(await prisma.user.count()).toBe(users);
  });

  it('for a deactivated account, linked or not', async () => {
    const c = await customer();
    const unlinked = await customerAdmin(c);
    await prisma.user.update({ where: { id: unlinked.userId }, data: { deactivatedAt: new Date() } });
    expect(await findUserForOidcSignIn(identity(unlinked.email))).toBeNull();
    expect((await stored(unlinked.userId)).oidcSubject).toBeNull();

    const linked = await customerAdmin(c);
    const id = identity(linked.email);
    expect(await findUserForOidcSignIn(id)).not.toBeNull();
    await prisma.user.update({ where: { id: linked.userId }, data: { deactivatedAt: new Date() } });
    expect(await findUserForOidcSignIn(id)).toBeNull();
  });

  it('for a second identity with the email of an account already linked: the first link stays', async () => {
    const felix = await customerAdmin(await customer());
    const first = identity(felix.email);
    await findUserForOidcSignIn(first);
    expect(await findUserForOidcSignIn(identity(felix.email))).toBeNull();
    // The same subject from another issuer is another identity.
    expect(await findUserForOidcSignIn(identity(felix.email, { subject: first.subject, issuer: 'https://accounts.example.com' }))).toBeNull();
    expect((await stored(felix.userId)).oidcSubject).toBe(oidcSubjectKey(first));
    expect(await findUserForOidcSignIn(first)).toMatchObject({ id: felix.userId });
  });

  it('for a sign-up whose address was never confirmed: its password was set by whoever typed the address', async () => {
    const squatter = await customerAdmin(await customer(), { unverified: true });
    expect(await findUserForOidcSignIn(identity(squatter.email))).toBeNull();
    expect((await stored(squatter.userId)).oidcSubject).toBeNull();
    // Once the address is confirmed by its link, single sign-on links it.
    await prisma.user.update({ where: { id: squatter.userId }, data: { emailVerifiedAt: new Date() } });
    expect(await findUserForOidcSignIn(identity(squatter.email))).toMatchObject({ id: squatter.userId });
  });
});

describe('the linked identity', () => {
  it('signs in whatever its email claims now, verified or not', async () => {
    const felix = await customerAdmin(await customer());
    const id = identity(felix.email);
    await findUserForOidcSignIn(id);
    expect(await findUserForOidcSignIn({ ...id, email: 'renamed@elsewhere.example', emailVerified: false })).toMatchObject({ id: felix.userId, email: felix.email });
  });

  it('carries the account’s session version', async () => {
    const felix = await customerAdmin(await customer());
    await prisma.user.update({ where: { id: felix.userId }, data: { sessionVersion: 3 } });
    expect(await findUserForOidcSignIn(identity(felix.email))).toMatchObject({ sessionVersion: 3 });
  });
});

describe('two sign-ins at once', () => {
  it('with two identities for one account: one links, the other is refused', async () => {
    const felix = await customerAdmin(await customer());
    const a = identity(felix.email);
    const b = identity(felix.email);
    const results = await Promise.all([findUserForOidcSignIn(a), findUserForOidcSignIn(b)]);
    expect(results.filter((r) => r !== null)).toHaveLength(1);
    const winner = results[0] ? a : b;
    expect((await stored(felix.userId)).oidcSubject).toBe(oidcSubjectKey(winner));
    expect(await linkEvents(felix.userId)).toHaveLength(1);
  });

  it('with the same identity: both sign in, one link', async () => {
    const felix = await customerAdmin(await customer());
    const id = identity(felix.email);
    const results = await Promise.all([findUserForOidcSignIn(id), findUserForOidcSignIn(id)]);
    expect(results).toEqual([expect.objectContaining({ id: felix.userId }), expect.objectContaining({ id: felix.userId })]);
    expect(await linkEvents(felix.userId)).toHaveLength(1);
  });
});

describe('the Entra ID tenant', () => {
  const tenant = () => randomUUID();

  it('is recorded on a customer administrator’s organisation, once', async () => {
    const c = await customer();
    const felix = await customerAdmin(c);
    const first = tenant();
    await findUserForOidcSignIn(identity(felix.email, { tenantId: first }));
    expect(await tenantOf(c)).toBe(first);
    expect(await prisma.auditEvent.count({ where: { targetId: c.id, action: 'customer.entra-tenant-recorded' } })).toBe(1);
    // A later sign-in from another tenant changes nothing, and still signs in.
    const other = await customerAdmin(c);
    expect(await findUserForOidcSignIn(identity(other.email, { tenantId: tenant() }))).toMatchObject({ id: other.userId });
    expect(await tenantOf(c)).toBe(first);
  });

  it('is recorded at a later sign-in of an identity linked already', async () => {
    const c = await customer();
    const felix = await customerAdmin(c);
    const id = identity(felix.email);
    await findUserForOidcSignIn(id);
    expect(await tenantOf(c)).toBeNull();
    const tid = tenant();
    await findUserForOidcSignIn({ ...id, tenantId: tid });
    expect(await tenantOf(c)).toBe(tid);
  });

  it('held by another organisation is not taken, and the sign-in goes on', async () => {
    const tid = tenant();
    const owner = await customer();
    await findUserForOidcSignIn(identity((await customerAdmin(owner)).email, { tenantId: tid }));
    const other = await customer();
    const felix = await customerAdmin(other);
    expect(await findUserForOidcSignIn(identity(felix.email, { tenantId: tid }))).toMatchObject({ id: felix.userId });
    expect(await tenantOf(other)).toBeNull();
    expect(await tenantOf(owner)).toBe(tid);
  });

  it('is not recorded for a refused sign-in, nor from a partner agent', async () => {
    const c = await customer();
    const unverified = await customerAdmin(c);
    await findUserForOidcSignIn(identity(unverified.email, { emailVerified: false, tenantId: tenant() }));
    expect(await tenantOf(c)).toBeNull();
    const before = await prisma.customer.count({ where: { entraTenantId: { not: null } } });
    const ana = await agent(await partner());
    expect(await findUserForOidcSignIn(identity(ana.email, { tenantId: tenant() }))).toMatchObject({ id: ana.userId });
    expect(await prisma.customer.count({ where: { entraTenantId: { not: null } } })).toBe(before);
  });
});

describe('a single sign-on chosen on an invitation’s page', () => {
  it('joins the invited account whatever address the provider gives, and uses the invitation up', async () => {
    const { issueEmailToken } = await import('./email-tokens');
    const c = await customer();
    const person = await invited(c);
    const token = await issueEmailToken(person.id, 'invitation');
    // Entra ID sends no email_verified for organisational accounts, and the address may differ.
    const id = identity('someone.else@entra.example', { emailVerified: false, tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47' });
    expect(await findUserForOidcSignIn(id, token)).toMatchObject({ id: person.id, email: person.email });
    expect(await stored(person.id)).toMatchObject({ oidcSubject: oidcSubjectKey(id), passwordHash: null });
    expect((await stored(person.id)).emailVerifiedAt).toBeInstanceOf(Date);
    expect(await tenantOf(c)).toBe('72f988bf-86f1-41af-91ab-2d7cd011db47');
    // The invitation works once: another identity cannot use it again.
    expect(await findUserForOidcSignIn(identity('third@entra.example', { emailVerified: false }), token)).toBeNull();
  });

  it('refuses a made-up invitation, and one for an account that already set a password', async () => {
    const { issueEmailToken } = await import('./email-tokens');
    const felix = await customerAdmin(await customer());
    const token = await issueEmailToken(felix.userId, 'invitation');
    expect(await findUserForOidcSignIn(identity('x@entra.example', { emailVerified: false }), token)).toBeNull();
    expect(await findUserForOidcSignIn(identity('x@entra.example', { emailVerified: false }), 'A'.repeat(43))).toBeNull();
    expect((await stored(felix.userId)).oidcSubject).toBeNull();
  });
});
