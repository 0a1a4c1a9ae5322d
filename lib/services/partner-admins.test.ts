/** The first partner admin of an install (`npm run admin:create`): the partner, its admin agent, and its relationship link. */
import { describe, expect, it } from 'vitest';
import { freshDatabase } from '@/test-support/database';
import { agent, customer, customerAdmin, partner } from '@/test-support/factories';

freshDatabase();
const { prisma } = await import('@/lib/db/client');
const { createPartnerAdmin } = await import('./partner-admins');
const { verifyPassword } = await import('@/lib/auth/password');
const { readSignedIn } = await import('@/lib/data/people');
const { acceptConsent, findRelationshipLink, lookUpConsent } = await import('@/lib/data/relationships');

const PASSWORD = 'a-long-enough-password';

describe('creating the first partner admin', () => {
  it('creates the partner and its admin agent, with a hashed password and an audit record', async () => {
    const { partnerId, userId } = await createPartnerAdmin(prisma, { partner: 'Litware Partners', kind: 'OEM', email: ' Admin@Litware.example ', name: 'Lee', password: PASSWORD });
    const user = await prisma.user.findUniqueOrThrow({ where: { id: userId } });
    expect(user).toMatchObject({ email: 'admin@litware.example', name: 'Lee', role: 'PARTNER_ADMIN', partnerId, customerId: null });
    expect(user.passwordHash).not.toContain(PASSWORD);
    expect(await verifyPassword(PASSWORD, user.passwordHash)).toBe(true);
    expect(await prisma.partner.findUniqueOrThrow({ where: { id: partnerId } })).toMatchObject({ name: 'Litware Partners', kind: 'OEM' });
    expect(await prisma.auditEvent.count({ where: { action: 'partner-admin.created', targetId: userId, partnerId } })).toBe(1);
    // The new admin signs in as an agent of the partner.
    expect(await readSignedIn(userId, 0)).toMatchObject({ type: 'agent', role: 'PARTNER_ADMIN', partnerId, partnerKind: 'OEM' });
  });

  it('makes the new partner’s relationship link with it, ready for a customer to accept', async () => {
    const { partnerId, userId } = await createPartnerAdmin(prisma, { partner: 'Proseware Partners', kind: 'CSP', email: 'admin@proseware.example', name: 'Pat', password: PASSWORD });
    const stored = await prisma.partner.findUniqueOrThrow({ where: { id: partnerId } });
    expect(stored.linkNonce).toEqual(expect.any(String));
    expect(stored.linkTokenHash).toEqual(expect.any(String));
    expect(stored.linkCreatedAt).toBeInstanceOf(Date);

    const admin = await readSignedIn(userId, 0);
    if (admin?.type !== 'agent') throw new Error('expected an agent');
    const link = await findRelationshipLink(admin);
    expect(link).not.toBeNull();
    expect(await lookUpConsent(link!.token)).toMatchObject({ ok: true, offer: { source: 'link', kind: 'RESELLER', partner: { id: partnerId } } });

    const c = await customer();
    expect(await acceptConsent(await customerAdmin(c), link!.token)).toMatchObject({ alreadyActive: false, partnerName: 'Proseware Partners' });
    expect(await prisma.relationship.count({ where: { partnerId, customerId: c.id, kind: 'RESELLER', status: 'ACTIVE' } })).toBe(1);
  });

  it('adds a further admin to an existing partner of that name and kind, keeping its link', async () => {
    const first = await createPartnerAdmin(prisma, { partner: 'Wingtip Partners', kind: 'CSP', email: 'one@wingtip.example', name: 'One', password: PASSWORD });
    const before = await prisma.partner.findUniqueOrThrow({ where: { id: first.partnerId } });
    const second = await createPartnerAdmin(prisma, { partner: 'Wingtip Partners', kind: 'CSP', email: 'two@wingtip.example', name: 'Two', password: PASSWORD });
    expect(second.partnerId).toBe(first.partnerId);
    expect(await prisma.partner.findUniqueOrThrow({ where: { id: first.partnerId } })).toEqual(before);
    // The same name as an OEM is another partner.
    const oem = await createPartnerAdmin(prisma, { partner: 'Wingtip Partners', kind: 'OEM', email: 'oem@wingtip.example', name: 'Oem', password: PASSWORD });
    expect(oem.partnerId).not.toBe(first.partnerId);
  });

  it('refuses a short password, a bad email, a kind it does not know, and an email already in use, creating nothing', async () => {
    const taken = await agent(await partner());
    const base = { partner: 'Xylo Partners', kind: 'CSP', email: 'x@xylo.example', name: 'X', password: PASSWORD };
    await expect(createPartnerAdmin(prisma, { ...base, password: 'short' })).rejects.toThrow(/too-short/);
    await expect(createPartnerAdmin(prisma, { ...base, email: 'not-an-email' })).rejects.toThrow();
    await expect(createPartnerAdmin(prisma, { ...base, kind: 'RESELLER' })).rejects.toThrow();
    await expect(createPartnerAdmin(prisma, { ...base, email: taken.email.toUpperCase() })).rejects.toThrow(/already exists/);
    expect(await prisma.partner.count({ where: { name: 'Xylo Partners' } })).toBe(0);
    expect(await prisma.user.count({ where: { email: taken.email } })).toBe(1);
  });
});
