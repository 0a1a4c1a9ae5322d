/**
 * The consent workflow's state changes, guarded in the database: tokens that
 * expire, are single-use or replaced, accepting twice or at once, removal.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { freshDatabase } from '@/test-support/database';

// The actor module signs in through Auth.js, which is not exercised here.
vi.mock('@/auth', () => ({ auth: vi.fn() }));

freshDatabase();
const { prisma } = await import('@/lib/db/client');
const rel = await import('./relationships');
type PartnerActor = import('@/lib/auth/actor').PartnerActor;
type CustomerAdminActor = import('@/lib/auth/actor').CustomerAdminActor;

const { actorFromUser } = await import('@/lib/auth/actor');

async function actorFor(email: string) {
  return actorFromUser(await prisma.user.findUniqueOrThrow({ where: { email }, include: { partner: true, customer: true } }));
}

let contoso: PartnerActor;
let contosoSales: PartnerActor;
let northwind: PartnerActor;
let tailspin: CustomerAdminActor;
let fabrikam: CustomerAdminActor;
beforeAll(async () => {
  contoso = (await actorFor('admin@contoso-partner.example')) as PartnerActor;
  contosoSales = (await actorFor('sales@contoso-partner.example')) as PartnerActor;
  northwind = (await actorFor('admin@northwind.example')) as PartnerActor;
  tailspin = (await actorFor('admin@tailspin.example')) as CustomerAdminActor;
  fabrikam = (await actorFor('admin@fabrikam.example')) as CustomerAdminActor;
});

const activeCount = (partnerId: string, customerId: string) =>
  prisma.relationship.count({ where: { partnerId, customerId, status: 'ACTIVE' } });

describe('the relationship link', () => {
  it('is stored only as a hash, shown again on demand, and replaced by regeneration', async () => {
    const first = await rel.getRelationshipLink(contoso);
    expect((await rel.getRelationshipLink(contoso)).token).toBe(first.token);
    const row = await prisma.partner.findUniqueOrThrow({ where: { id: contoso.partnerId } });
    expect(JSON.stringify(row)).not.toContain(first.token);
    expect(await rel.regenerateRelationshipLink(contosoSales)).toBeNull();
    const second = await rel.regenerateRelationshipLink(contoso);
    expect(second!.token).not.toBe(first.token);
    expect(await rel.lookUpConsent(first.token)).toEqual({ ok: false, reason: 'invalid' });
    expect(await rel.lookUpConsent(second!.token)).toMatchObject({ ok: true, offer: { source: 'link', kind: 'RESELLER' } });
  });

  it('accepted twice, or by two administrators at once, leaves exactly one active relationship', async () => {
    const { token } = await rel.getRelationshipLink(contoso);
    const results = await Promise.all([rel.acceptConsent(tailspin, token), rel.acceptConsent(tailspin, token), rel.acceptConsent(tailspin, token)]);
    expect(results.filter((r) => r.ok && !r.alreadyActive)).toHaveLength(1);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(await activeCount(contoso.partnerId, tailspin.customerId)).toBe(1);
    expect(await prisma.relationship.count({ where: { partnerId: contoso.partnerId, customerId: tailspin.customerId } })).toBe(1);
    expect(await prisma.auditEvent.count({ where: { action: 'relationship.accepted', customerId: tailspin.customerId } })).toBe(1);
  });

  it('gives an OEM its own kind of relationship', async () => {
    const { token } = await rel.getRelationshipLink(northwind);
    expect(await rel.acceptConsent(fabrikam, token)).toMatchObject({ ok: true });
    expect(await prisma.relationship.findFirst({ where: { partnerId: northwind.partnerId, customerId: fabrikam.customerId } })).toMatchObject({ kind: 'OEM', status: 'ACTIVE', approvedById: fabrikam.userId });
  });
});

describe('invitations', () => {
  it('are single-use, addressed to one administrator, and can be declined, cancelled or expire', async () => {
    const invite = (await rel.createInvitation(contoso, { organisationName: 'Tailspin Toys', adminEmail: 'admin@tailspin.example' }))!;
    expect(await rel.createInvitation(contosoSales, { organisationName: 'X', adminEmail: 'x@x.example' })).toBeNull();
    expect(await rel.acceptConsent(fabrikam, invite.token)).toEqual({ ok: false, reason: 'addressed-elsewhere' });
    expect(await rel.acceptConsent(tailspin, invite.token)).toMatchObject({ ok: true });
    expect(await rel.acceptConsent(tailspin, invite.token)).toEqual({ ok: false, reason: 'used' });

    const declined = (await rel.createInvitation(contoso, { organisationName: 'Tailspin Toys', adminEmail: 'admin@tailspin.example' }))!;
    expect(await rel.declineConsent(tailspin, declined.token)).toMatchObject({ ok: true });
    expect(await rel.acceptConsent(tailspin, declined.token)).toEqual({ ok: false, reason: 'declined' });

    const cancelled = (await rel.createInvitation(contoso, { organisationName: 'Tailspin Toys', adminEmail: 'admin@tailspin.example' }))!;
    expect(await rel.cancelInvitation(contosoSales, cancelled.id)).toBe(false);
    expect(await rel.cancelInvitation(contoso, cancelled.id)).toBe(true);
    expect(await rel.acceptConsent(tailspin, cancelled.token)).toEqual({ ok: false, reason: 'cancelled' });

    const expired = (await rel.createInvitation(contoso, { organisationName: 'Tailspin Toys', adminEmail: 'admin@tailspin.example' }))!;
    await prisma.invitation.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await rel.acceptConsent(tailspin, expired.token)).toEqual({ ok: false, reason: 'expired' });
    expect((await rel.listInvitations(contoso)).find((i) => i.id === expired.id)).toMatchObject({ status: 'EXPIRED', token: null });
  });
});

describe('removal', () => {
  it('from either side ends access at once, and the history keeps who and when', async () => {
    expect(await rel.removeRelationshipAsPartner(contosoSales, tailspin.customerId)).toBe('forbidden');
    expect(await rel.removeRelationshipAsPartner(contoso, tailspin.customerId)).toBe('removed');
    expect(await rel.removeRelationshipAsPartner(contoso, tailspin.customerId)).toBe('not-found');
    expect(await activeCount(contoso.partnerId, tailspin.customerId)).toBe(0);

    const northwindFabrikam = await prisma.relationship.findFirstOrThrow({ where: { partnerId: northwind.partnerId, customerId: fabrikam.customerId } });
    expect(await rel.removeRelationshipAsCustomer(tailspin, northwindFabrikam.id)).toBe('not-found');
    expect(await rel.removeRelationshipAsCustomer(fabrikam, northwindFabrikam.id)).toBe('removed');

    const history = await rel.customerRelationshipHistory(tailspin);
    expect(history.map((h) => h.action)).toEqual(expect.arrayContaining(['relationship.accepted', 'relationship.declined', 'relationship.removed']));
    expect(history.find((h) => h.action === 'relationship.removed')).toMatchObject({ actorEmail: 'admin@contoso-partner.example', partnerName: 'Contoso Partner' });
    expect((await rel.partnerRelationshipHistory(contoso)).map((h) => h.action)).toContain('link.regenerated');
  });

  it('can be accepted again later through a new consent', async () => {
    const { token } = await rel.getRelationshipLink(contoso);
    expect(await rel.acceptConsent(tailspin, token)).toMatchObject({ ok: true, alreadyActive: false });
    expect(await activeCount(contoso.partnerId, tailspin.customerId)).toBe(1);
  });
});
