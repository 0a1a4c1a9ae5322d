/** An organisation's people, managed by its admins: invitations, roles, deactivation, and the last admin. */
import { describe, expect, it } from 'vitest';
import { freshDatabase } from '@/test-support/database';
import { agent, apiKey, customer, customerAdmin, partner } from '@/test-support/factories';

freshDatabase();
const { prisma } = await import('@/lib/db/client');
const { changeMemberRole, createInvitedMember, deactivateMember, listMembers, reactivateMember } = await import('./members');
const { readSignedIn } = await import('./people');
const { principalForApiKey } = await import('./api-keys');

const actorOf = (a: { userId: string; email: string; partnerId: string }) => ({ userId: a.userId, email: a.email, org: { partnerId: a.partnerId } });

describe('an organisation’s people', () => {
  it('are invited without a password, listed as invited, and the invitation is audited', async () => {
    const p = await partner();
    const admin = await agent(p);
    const { userId, token } = await createInvitedMember(actorOf(admin), { email: 'new@partner.example', name: 'New Person', role: 'PARTNER_SALES', locale: 'fr' });
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const row = await prisma.user.findUniqueOrThrow({ where: { id: userId } });
    expect(row).toMatchObject({ passwordHash: null, emailVerifiedAt: null, partnerId: p.id, role: 'PARTNER_SALES', locale: 'fr', invitedById: admin.userId });
    expect((await listMembers({ partnerId: p.id })).find((m) => m.id === userId)).toMatchObject({ status: 'invited', mfa: false });
    expect(await prisma.auditEvent.count({ where: { action: 'user.invited', targetId: userId, partnerId: p.id } })).toBe(1);
    await expect(createInvitedMember(actorOf(admin), { email: 'new@partner.example', name: 'Again', role: 'PARTNER_SALES', locale: 'en' })).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'email-taken' },
    });
  });

  it('are out at once when deactivated: their session is refused and the API keys they made stop working', async () => {
    const p = await partner();
    const admin = await agent(p);
    const sales = await agent(p, { role: 'PARTNER_SALES' });
    const key = await apiKey(p);
    await prisma.apiKey.update({ where: { id: key.principal.keyId }, data: { createdById: sales.userId } });
    expect(await readSignedIn(sales.userId, 0)).not.toBeNull();
    expect(await principalForApiKey(key.key)).not.toBeNull();

    expect(await deactivateMember(actorOf(admin), sales.userId)).toEqual({ revokedKeys: 1 });
    expect(await readSignedIn(sales.userId, 0)).toBeNull();
    expect(await readSignedIn(sales.userId, 1)).toBeNull();
    expect(await principalForApiKey(key.key)).toBeNull();
    expect(await prisma.auditEvent.count({ where: { action: 'user.deactivated', targetId: sales.userId } })).toBe(1);

    await reactivateMember(actorOf(admin), sales.userId);
    expect(await readSignedIn(sales.userId, 1)).toMatchObject({ type: 'agent' });
    // The revoked key stays revoked.
    expect(await principalForApiKey(key.key)).toBeNull();
  });

  it('cannot be reached from another organisation', async () => {
    const mine = await partner();
    const theirs = await partner();
    const admin = await agent(mine);
    const stranger = await agent(theirs, { role: 'PARTNER_SALES' });
    await expect(deactivateMember(actorOf(admin), stranger.userId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(changeMemberRole(actorOf(admin), stranger.userId, 'PARTNER_ADMIN')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const c = await customer();
    const customerSide = await customerAdmin(c);
    await expect(deactivateMember({ userId: customerSide.userId, email: customerSide.email, org: { customerId: c.id } }, stranger.userId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: stranger.userId } })).deactivatedAt).toBeNull();
  });

  it('keep at least one admin, even when two admins deactivate each other at the same moment', async () => {
    const p = await partner();
    const a = await agent(p);
    const b = await agent(p);
    const results = await Promise.allSettled([deactivateMember(actorOf(a), b.userId), deactivateMember(actorOf(b), a.userId)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'CONFLICT', details: { reason: 'last-admin' } } });
    expect(await prisma.user.count({ where: { partnerId: p.id, role: 'PARTNER_ADMIN', deactivatedAt: null } })).toBe(1);
  });

  it('keep at least one admin when roles change, and nobody deactivates themselves', async () => {
    const p = await partner();
    const a = await agent(p);
    const b = await agent(p);
    await changeMemberRole(actorOf(a), b.userId, 'PARTNER_SALES');
    await expect(changeMemberRole(actorOf(b), a.userId, 'PARTNER_SALES')).rejects.toMatchObject({ details: { reason: 'last-admin' } });
    await expect(deactivateMember(actorOf(a), a.userId)).rejects.toMatchObject({ details: { reason: 'self' } });
    expect(await prisma.auditEvent.count({ where: { action: 'user.role-changed', targetId: b.userId } })).toBe(1);
  });

  it('of a customer are all administrators: the last one stays', async () => {
    const c = await customer();
    const first = await customerAdmin(c);
    const second = await customerAdmin(c);
    const actor = (x: { userId: string; email: string }) => ({ userId: x.userId, email: x.email, org: { customerId: c.id } });
    await deactivateMember(actor(first), second.userId);
    await reactivateMember(actor(first), second.userId);
    await deactivateMember(actor(second), first.userId);
    await expect(deactivateMember(actor(first), second.userId)).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(changeMemberRole(actor(second), first.userId, 'PARTNER_ADMIN')).rejects.toMatchObject({ code: 'NOT_SUPPORTED' });
  });
});
