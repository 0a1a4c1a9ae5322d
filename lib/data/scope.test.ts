/**
 * The one tenancy predicate and the scope resolved from it: a partner acts
 * for a customer only through an active relationship of its own kind, and a
 * customer that is not its own looks exactly like one that does not exist.
 */
import { describe, expect, it, vi } from 'vitest';
import type { Principal } from '@/lib/auth/principal';
import type { Prisma } from '@/lib/generated/prisma/client';
import { freshDatabase } from '@/test-support/database';
import { agent, apiKey, customer, customerScope, partner, relationship } from '@/test-support/factories';

freshDatabase();
const { prisma } = await import('@/lib/db/client');
const { activeRelationshipWhere, lockCustomerScope, ownedBy, requireCustomerScope } = await import('./scope');
const { AppError } = await import('@/lib/errors');

/** What the scope resolution threw, or null when it gave a scope. */
async function refusal(principal: Principal, customerId: string): Promise<unknown> {
  return customerScope(principal, { id: customerId }).then(
    () => null,
    (error: unknown) => error,
  );
}

function expectNoRelationship(error: unknown) {
  expect(error).toBeInstanceOf(AppError);
  expect(error).toMatchObject({ code: 'NO_RELATIONSHIP' });
}

describe('a CSP partner', () => {
  it('acts for a customer, as an agent or with an API key, only through an active reseller relationship', async () => {
    const csp = await partner({ kind: 'CSP' });
    const [ana, sam, key] = await Promise.all([agent(csp), agent(csp, { role: 'PARTNER_SALES' }), apiKey(csp)]);
    const resold = await customer();
    const link = await relationship(csp, resold);
    expect(link.kind).toBe('RESELLER');

    for (const principal of [ana, sam, key.principal]) {
      const scope = await customerScope(principal, resold);
      expect(scope).toMatchObject({ customerId: resold.id, relationshipId: link.id, kind: 'RESELLER', customer: resold });
      expect(scope.since).toEqual(expect.any(String));
      expect(ownedBy(scope)).toEqual({ partnerId: csp.id, customerId: resold.id });
    }

    // An OEM relationship does not make a CSP the customer's reseller.
    const oemOnly = await customer();
    await relationship(csp, oemOnly, { kind: 'OEM' });
    expectNoRelationship(await refusal(ana, oemOnly.id));
    expectNoRelationship(await refusal(key.principal, oemOnly.id));
  });

  it('has no scope through a removed relationship', async () => {
    const csp = await partner();
    const ana = await agent(csp);
    const former = await customer();
    await relationship(csp, former, { status: 'REMOVED' });
    expectNoRelationship(await refusal(ana, former.id));
  });

  it('is told the same about another partner’s customer, a customer it never met, and no customer at all', async () => {
    const mine = await partner();
    const theirs = await partner();
    const ana = await agent(mine);
    const theirCustomer = await customer();
    await relationship(theirs, theirCustomer);
    const stranger = await customer();

    const errors = [await refusal(ana, theirCustomer.id), await refusal(ana, stranger.id), await refusal(ana, 'no-such-customer')];
    for (const error of errors) expectNoRelationship(error);
    const told = errors.map((e) => (e instanceof AppError ? { code: e.code, message: e.message, details: e.details } : e));
    expect(told[1]).toEqual(told[0]);
    expect(told[2]).toEqual(told[0]);
  });
});

describe('an OEM partner', () => {
  it('acts only through an OEM relationship, never a reseller one', async () => {
    const oem = await partner({ kind: 'OEM' });
    const [nora, key] = await Promise.all([agent(oem), apiKey(oem)]);
    const own = await customer();
    const link = await relationship(oem, own);
    expect(link.kind).toBe('OEM');
    expect(await customerScope(nora, own)).toMatchObject({ relationshipId: link.id, kind: 'OEM' });
    expect(await customerScope(key.principal, own)).toMatchObject({ relationshipId: link.id, kind: 'OEM' });

    const resellerOnly = await customer();
    await relationship(oem, resellerOnly, { kind: 'RESELLER' });
    expectNoRelationship(await refusal(nora, resellerOnly.id));
    expectNoRelationship(await refusal(key.principal, resellerOnly.id));
  });
});

describe('a malformed customer id', () => {
  it('is refused as NO_RELATIONSHIP without a query', async () => {
    const ana = await agent(await partner());
    const findFirst = vi.fn(() => Promise.resolve(null));
    const db = { relationship: { findFirst } } as unknown as Prisma.TransactionClient;
    for (const id of ['x'.repeat(65), 'a/b', '../customers', '', 'with space']) {
      await expect(requireCustomerScope(ana, id, db)).rejects.toMatchObject({ code: 'NO_RELATIONSHIP' });
    }
    expect(findFirst).not.toHaveBeenCalled();
    // The longest well-formed id is looked up.
    await expect(requireCustomerScope(ana, 'x'.repeat(64), db)).rejects.toMatchObject({ code: 'NO_RELATIONSHIP' });
    expect(findFirst).toHaveBeenCalledTimes(1);
  });
});

describe('lockCustomerScope', () => {
  it('holds while the relationship is active, and refuses a write once it was removed', async () => {
    const csp = await partner();
    const ana = await agent(csp);
    const c = await customer();
    const link = await relationship(csp, c);
    const scope = await customerScope(ana, c);

    await expect(prisma.$transaction((tx) => lockCustomerScope(tx, scope))).resolves.toMatchObject({ customerId: c.id, relationshipId: link.id });
    await prisma.relationship.update({ where: { id: link.id }, data: { status: 'REMOVED' } });
    await expect(prisma.$transaction((tx) => lockCustomerScope(tx, scope))).rejects.toMatchObject({ code: 'NO_RELATIONSHIP' });
  });
});

describe('the customer’s side', () => {
  it('sees only its own active relationships, of every kind', async () => {
    const [csp, oem, gone] = await Promise.all([partner(), partner({ kind: 'OEM' }), partner()]);
    const [mine, other] = await Promise.all([customer(), customer()]);
    const reseller = await relationship(csp, mine);
    const oemLink = await relationship(oem, mine);
    await relationship(gone, mine, { status: 'REMOVED' });
    await relationship(csp, other);

    const seen = await prisma.relationship.findMany({ where: activeRelationshipWhere({ customerId: mine.id }), select: { id: true } });
    expect(seen.map((r) => r.id).sort()).toEqual([reseller.id, oemLink.id].sort());
  });
});

describe('activeRelationshipWhere', () => {
  it('is one predicate for a partner, whether its agent or its API key asks', async () => {
    const csp = await partner();
    const oem = await partner({ kind: 'OEM' });
    const [cspAgent, cspKey, oemAgent, oemKey] = await Promise.all([agent(csp, { role: 'PARTNER_SALES' }), apiKey(csp, { scopes: ['read'] }), agent(oem), apiKey(oem)]);
    expect(activeRelationshipWhere(cspKey.principal)).toEqual(activeRelationshipWhere(cspAgent));
    expect(activeRelationshipWhere(cspAgent)).toEqual({ partnerId: csp.id, kind: 'RESELLER', status: 'ACTIVE' });
    expect(activeRelationshipWhere(oemKey.principal)).toEqual(activeRelationshipWhere(oemAgent));
    expect(activeRelationshipWhere(oemAgent)).toEqual({ partnerId: oem.id, kind: 'OEM', status: 'ACTIVE' });
  });
});
