/**
 * The consent workflow's state changes, guarded in the database: links that
 * are replaced, invitations that are single-use, addressed, declined,
 * cancelled or expired, accepting twice or at once, removal from either side.
 * Each test makes its own partners, customers and people.
 */
import { describe, expect, it, vi } from 'vitest';
import type { AgentPrincipal } from '@/lib/auth/principal';
import type { Prisma } from '@/lib/generated/prisma/client';
import { freshDatabase } from '@/test-support/database';
import { agent, customer, customerAdmin, partner, relationship, relationshipLink, type TestCustomer, type TestPartner } from '@/test-support/factories';

freshDatabase();
const { prisma } = await import('@/lib/db/client');
const rel = await import('./relationships');
const { isUniqueViolation } = await import('@/lib/db/errors');

type Tx = Prisma.TransactionClient;

const activeCount = (p: TestPartner, c: TestCustomer) => prisma.relationship.count({ where: { partnerId: p.id, customerId: c.id, status: 'ACTIVE' } });
const acceptedEvents = (c: TestCustomer) => prisma.auditEvent.count({ where: { action: 'relationship.accepted', customerId: c.id } });

/** A CSP with an admin and a sales agent. */
async function csp(): Promise<{ partner: TestPartner; admin: AgentPrincipal; sales: AgentPrincipal }> {
  const p = await partner();
  return { partner: p, admin: await agent(p), sales: await agent(p, { role: 'PARTNER_SALES' }) };
}

describe('the relationship link', () => {
  it('does not exist until made, is stored only as a hash, is shown again, and is replaced by renewal', async () => {
    const { admin, sales } = await csp();
    expect(await rel.findRelationshipLink(admin)).toBeNull();

    const first = await rel.renewRelationshipLink(admin);
    expect((await rel.findRelationshipLink(admin))?.token).toBe(first.token);
    expect((await rel.findRelationshipLink(sales))?.token).toBe(first.token);
    const row = await prisma.partner.findUniqueOrThrow({ where: { id: admin.partnerId } });
    expect(JSON.stringify(row)).not.toContain(first.token);

    await expect(rel.renewRelationshipLink(sales)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const second = await rel.renewRelationshipLink(admin);
    expect(second.token).not.toBe(first.token);
    expect(await rel.lookUpConsent(first.token)).toEqual({ ok: false, reason: 'invalid' });
    expect(await rel.lookUpConsent(second.token)).toMatchObject({ ok: true, offer: { source: 'link', kind: 'RESELLER', partner: { id: admin.partnerId } } });
    expect((await rel.partnerRelationshipHistory(admin)).map((h) => h.action)).toContain('link.regenerated');
  });

  it('accepted three times by the same administrator leaves exactly one active relationship and one event', async () => {
    const { partner: p } = await csp();
    const c = await customer();
    const admin = await customerAdmin(c);
    const token = await relationshipLink(p);
    const results = await Promise.all([rel.acceptConsent(admin, token), rel.acceptConsent(admin, token), rel.acceptConsent(admin, token)]);
    expect(results.map((r) => r.alreadyActive).sort()).toEqual([false, true, true]);
    expect(await activeCount(p, c)).toBe(1);
    expect(await prisma.relationship.count({ where: { partnerId: p.id, customerId: c.id } })).toBe(1);
    expect(await acceptedEvents(c)).toBe(1);
  });

  it('gives an OEM its own kind of relationship, approved by the administrator who accepted', async () => {
    const oem = await partner({ kind: 'OEM' });
    const c = await customer();
    const admin = await customerAdmin(c);
    expect(await rel.acceptConsent(admin, await relationshipLink(oem))).toEqual({ alreadyActive: false, partnerId: oem.id, partnerName: oem.name, kind: 'OEM' });
    expect(await prisma.relationship.findFirst({ where: { partnerId: oem.id, customerId: c.id } })).toMatchObject({
      kind: 'OEM',
      status: 'ACTIVE',
      approvedById: admin.userId,
    });
  });

  it('refuses a token that was never issued, or is not even shaped like one', async () => {
    const admin = await customerAdmin(await customer());
    await expect(rel.acceptConsent(admin, 'A'.repeat(43))).rejects.toMatchObject({ code: 'CONFLICT', details: { reason: 'invalid' } });
    await expect(rel.acceptConsent(admin, 'short')).rejects.toMatchObject({ code: 'CONFLICT', details: { reason: 'invalid' } });
  });
});

describe('two administrators of one customer accepting the same link at once', () => {
  it('leaves one relationship, created by one of them, already active for the other, with one event', async () => {
    // SQLite through better-sqlite3 serialises interactive transactions: the
    // driver adapter holds one connection behind a mutex, so the second
    // transaction begins only after the first commits and finds its row.
    // The outcome is what PostgreSQL must give too; the retry that PostgreSQL
    // needs is exercised by the next test.
    const { partner: p } = await csp();
    const c = await customer();
    const [ana, bob] = await Promise.all([customerAdmin(c), customerAdmin(c)]);
    const token = await relationshipLink(p);

    const [forAna, forBob] = await Promise.all([rel.acceptConsent(ana, token), rel.acceptConsent(bob, token)]);
    expect([forAna.alreadyActive, forBob.alreadyActive].sort()).toEqual([false, true]);
    const creator = forAna.alreadyActive ? bob : ana;
    expect(await prisma.relationship.findMany({ where: { partnerId: p.id, customerId: c.id }, select: { status: true, approvedById: true } })).toEqual([
      { status: 'ACTIVE', approvedById: creator.userId },
    ]);
    expect(await prisma.auditEvent.findMany({ where: { action: 'relationship.accepted', customerId: c.id }, select: { actorId: true } })).toEqual([
      { actorId: creator.userId },
    ]);
  });

  it('retries when the other administrator’s row appears between the lookup and the create', async () => {
    // The interleaving PostgreSQL allows and SQLite cannot reach: Bob's
    // acceptance commits while Ana's transaction still sees the world from
    // before it (no row). Ana's create then meets the unique key, her
    // transaction rolls back, and the retry reads Bob's row.
    const { partner: p } = await csp();
    const c = await customer();
    const [ana, bob] = await Promise.all([customerAdmin(c), customerAdmin(c)]);
    const token = await relationshipLink(p);

    expect(await rel.acceptConsent(bob, token)).toMatchObject({ alreadyActive: false });

    const realTransaction = prisma.$transaction.bind(prisma) as (fn: (tx: Tx) => Promise<unknown>) => Promise<unknown>;
    const attempts: Array<'stale' | 'fresh'> = [];
    let firstFailure: unknown = null;
    // Ana's first transaction reads the relationship as it was before Bob committed; her retry reads it as it is.
    const staleLookup = (tx: Tx): Tx =>
      new Proxy(tx, {
        get(target, property, receiver) {
          if (property !== 'relationship') return Reflect.get(target, property, receiver) as unknown;
          return new Proxy(target.relationship, {
            get(delegate, name, r) {
              if (name !== 'findUnique') return Reflect.get(delegate, name, r) as unknown;
              return async () => {
                // Bob's row really is there: Ana just does not see it yet.
                expect(await target.relationship.count({ where: { partnerId: p.id, customerId: c.id } })).toBe(1);
                return null;
              };
            },
          });
        },
      });
    const spy = vi.spyOn(prisma, '$transaction').mockImplementation((fn: (tx: Tx) => Promise<unknown>) => {
      const stale = attempts.length === 0;
      attempts.push(stale ? 'stale' : 'fresh');
      const run = realTransaction((tx) => fn(stale ? staleLookup(tx) : tx));
      if (stale) run.catch((error: unknown) => (firstFailure = error));
      return run;
    });

    try {
      expect(await rel.acceptConsent(ana, token)).toEqual({ alreadyActive: true, partnerId: p.id, partnerName: p.name, kind: 'RESELLER' });
    } finally {
      spy.mockRestore();
    }

    expect(attempts).toEqual(['stale', 'fresh']);
    expect(isUniqueViolation(firstFailure)).toBe(true);
    expect(await prisma.relationship.findMany({ where: { partnerId: p.id, customerId: c.id }, select: { status: true, approvedById: true } })).toEqual([
      { status: 'ACTIVE', approvedById: bob.userId },
    ]);
    expect(await prisma.auditEvent.findMany({ where: { action: 'relationship.accepted', customerId: c.id }, select: { actorId: true } })).toEqual([
      { actorId: bob.userId },
    ]);
  });
});

describe('invitations', () => {
  async function invited() {
    const { partner: p, admin, sales } = await csp();
    const c = await customer();
    const addressee = await customerAdmin(c);
    const invite = (organisationName = c.name) => rel.createInvitation(admin, { organisationName, adminEmail: addressee.email });
    return { partner: p, admin, sales, customer: c, addressee, invite };
  }

  it('may be sent by an admin agent, not a sales agent', async () => {
    const { sales, admin, invite } = await invited();
    await expect(rel.createInvitation(sales, { organisationName: 'X', adminEmail: 'x@x.example' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const { id } = await invite();
    const listed = await rel.listInvitations(admin);
    expect(listed.map((i) => [i.id, i.status])).toEqual([[id, 'PENDING']]);
    expect(listed[0]?.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('are addressed to one administrator and single-use', async () => {
    const { partner: p, customer: c, addressee, invite } = await invited();
    const colleague = await customerAdmin(c);
    const { token } = await invite();
    await expect(rel.acceptConsent(colleague, token)).rejects.toMatchObject({ code: 'FORBIDDEN', details: { reason: 'addressed-elsewhere' } });
    await expect(rel.declineConsent(colleague, token)).rejects.toMatchObject({ code: 'FORBIDDEN', details: { reason: 'addressed-elsewhere' } });
    expect(await activeCount(p, c)).toBe(0);

    // The address is compared without regard to case.
    expect(await rel.acceptConsent({ ...addressee, email: addressee.email.toUpperCase() }, token)).toEqual({ alreadyActive: false, partnerId: p.id, partnerName: p.name, kind: 'RESELLER' });
    await expect(rel.acceptConsent(addressee, token)).rejects.toMatchObject({ code: 'CONFLICT', details: { reason: 'used' } });
    expect(await rel.lookUpConsent(token)).toEqual({ ok: false, reason: 'used' });
    expect(await activeCount(p, c)).toBe(1);
  });

  it('once declined, cannot be accepted', async () => {
    const { partner: p, customer: c, addressee, invite } = await invited();
    const { token } = await invite();
    expect(await rel.declineConsent(addressee, token)).toEqual({ alreadyActive: false, partnerId: p.id, partnerName: p.name, kind: 'RESELLER' });
    await expect(rel.acceptConsent(addressee, token)).rejects.toMatchObject({ code: 'CONFLICT', details: { reason: 'declined' } });
    expect(await prisma.relationship.count({ where: { customerId: c.id } })).toBe(0);
    expect((await rel.customerRelationshipHistory(addressee)).map((h) => h.action)).toContain('relationship.declined');
  });

  it('once cancelled by an admin agent, cannot be accepted; a sales agent cannot cancel', async () => {
    const { admin, sales, addressee, invite } = await invited();
    const { id, token } = await invite();
    await expect(rel.cancelInvitation(sales, id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await rel.cancelInvitation(admin, id);
    await expect(rel.cancelInvitation(admin, id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(rel.acceptConsent(addressee, token)).rejects.toMatchObject({ code: 'CONFLICT', details: { reason: 'cancelled' } });
    expect((await rel.listInvitations(admin)).find((i) => i.id === id)).toMatchObject({ status: 'CANCELLED', token: null });
  });

  it('cannot be cancelled by another partner', async () => {
    const { invite, addressee } = await invited();
    const other = await csp();
    const { id, token } = await invite();
    await expect(rel.cancelInvitation(other.admin, id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await rel.acceptConsent(addressee, token)).toMatchObject({ alreadyActive: false });
  });

  it('expire, and are then listed as expired with no link', async () => {
    const { admin, addressee, invite } = await invited();
    const { id, token } = await invite();
    await prisma.invitation.update({ where: { id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect(rel.acceptConsent(addressee, token)).rejects.toMatchObject({ code: 'CONFLICT', details: { reason: 'expired' } });
    expect((await rel.listInvitations(admin)).find((i) => i.id === id)).toMatchObject({ status: 'EXPIRED', token: null });
  });
});

describe('removal', () => {
  it('by the partner: admin agents only, ends access at once, and the history keeps who did it', async () => {
    const { partner: p, admin, sales } = await csp();
    const c = await customer();
    const customerSide = await customerAdmin(c);
    await relationship(p, c);

    await expect(rel.removeRelationshipAsPartner(sales, c.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await rel.removeRelationshipAsPartner(admin, c.id);
    await expect(rel.removeRelationshipAsPartner(admin, c.id)).rejects.toMatchObject({ code: 'NO_RELATIONSHIP' });
    expect(await activeCount(p, c)).toBe(0);

    const history = await rel.customerRelationshipHistory(customerSide);
    expect(history.find((h) => h.action === 'relationship.removed')).toMatchObject({ actorEmail: admin.email, partnerName: p.name, customerName: c.name });
    expect((await rel.partnerRelationshipHistory(admin)).map((h) => h.action)).toContain('relationship.removed');
  });

  it('by the partner: not another partner’s relationship', async () => {
    const owner = await csp();
    const other = await csp();
    const c = await customer();
    await relationship(owner.partner, c);
    await expect(rel.removeRelationshipAsPartner(other.admin, c.id)).rejects.toMatchObject({ code: 'NO_RELATIONSHIP' });
    expect(await activeCount(owner.partner, c)).toBe(1);
  });

  it('by the customer: only its own relationships, at once', async () => {
    const oem = await partner({ kind: 'OEM' });
    const [c, other] = await Promise.all([customer(), customer()]);
    const [admin, otherAdmin] = await Promise.all([customerAdmin(c), customerAdmin(other)]);
    const link = await relationship(oem, c);

    await expect(rel.removeRelationshipAsCustomer(otherAdmin, link.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await rel.isActiveWith(admin, oem.id, 'OEM')).toBe(true);
    await rel.removeRelationshipAsCustomer(admin, link.id);
    expect(await rel.isActiveWith(admin, oem.id, 'OEM')).toBe(false);
    await expect(rel.removeRelationshipAsCustomer(admin, link.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await rel.customerRelationshipHistory(admin)).find((h) => h.action === 'relationship.removed')).toMatchObject({
      actorEmail: admin.email,
      partnerName: oem.name,
    });
    expect(await rel.customerRelationshipHistory(otherAdmin)).toEqual([]);
  });

  it('can be undone later through a new consent, reusing the one row', async () => {
    const { partner: p, admin } = await csp();
    const c = await customer();
    const customerSide = await customerAdmin(c);
    const token = await relationshipLink(p);
    await rel.acceptConsent(customerSide, token);
    await rel.removeRelationshipAsPartner(admin, c.id);
    expect(await rel.acceptConsent(customerSide, token)).toEqual({ alreadyActive: false, partnerId: p.id, partnerName: p.name, kind: 'RESELLER' });
    expect(await activeCount(p, c)).toBe(1);
    expect(await prisma.relationship.count({ where: { partnerId: p.id, customerId: c.id } })).toBe(1);
    expect(await acceptedEvents(c)).toBe(2);
  });
});
