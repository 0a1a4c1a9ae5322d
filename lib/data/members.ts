/**
 * The people of one organisation (a partner's agents, or a customer's
 * administrators), as their admins manage them: invite, change a role,
 * deactivate and reactivate. The organisation is always part of the query,
 * so an admin reaches no one else's people; every change is audited; and
 * at least one active admin always remains (checked under a lock on the
 * organisation's row, so two admins removing each other at once cannot both
 * succeed).
 */
import 'server-only';
import { prisma } from '@/lib/db/client';
import { isUniqueViolation } from '@/lib/db/errors';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { Role } from '@/lib/auth/permissions';
import type { Lang } from '@/lib/autopilot';
import { AppError } from '@/lib/errors';
import { issueEmailToken } from './email-tokens';

/** One organisation: a partner or a customer. */
export type Organisation = { partnerId: string } | { customerId: string };

/** Who changes the people: an admin of the organisation. */
export interface PeopleActor {
  userId: string;
  email: string;
  org: Organisation;
}

export interface Member {
  id: string;
  name: string;
  email: string;
  role: Role;
  status: 'active' | 'invited' | 'deactivated';
  mfa: boolean;
  createdAt: Date;
}

const ADMIN_ROLE = (org: Organisation): Role => ('partnerId' in org ? 'PARTNER_ADMIN' : 'CUSTOMER_ADMIN');
const orgWhere = (org: Organisation) => ('partnerId' in org ? { partnerId: org.partnerId } : { customerId: org.customerId });
const auditOrg = (org: Organisation) => ('partnerId' in org ? { partnerId: org.partnerId } : { customerId: org.customerId });

export async function listMembers(org: Organisation): Promise<Member[]> {
  const users = await prisma.user.findMany({
    where: orgWhere(org),
    select: { id: true, name: true, email: true, role: true, passwordHash: true, oidcSubject: true, emailVerifiedAt: true, deactivatedAt: true, mfaEnabledAt: true, createdAt: true },
    orderBy: [{ name: 'asc' }, { email: 'asc' }],
  });
  return users.map((u) => ({
    id: u.id,
    name: u.name,
    email: u.email,
    role: u.role,
    status: u.deactivatedAt ? 'deactivated' : !u.passwordHash && !u.oidcSubject && !u.emailVerifiedAt ? 'invited' : 'active',
    mfa: u.mfaEnabledAt !== null,
    createdAt: u.createdAt,
  }));
}

/**
 * A new account for an invited person, without a password, and the link
 * that lets them set one (which also proves the address). Refused when the
 * email already has an account.
 */
export async function createInvitedMember(actor: PeopleActor, input: { email: string; name: string; role: Role; locale: Lang }): Promise<{ userId: string; token: string }> {
  try {
    return await prisma.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { email: input.email, name: input.name, role: input.role, passwordHash: null, locale: input.locale, invitedById: actor.userId, ...orgWhere(actor.org) },
        select: { id: true },
      });
      const token = await issueEmailToken(user.id, 'invitation', tx);
      await tx.auditEvent.create({
        data: { actorId: actor.userId, actorEmail: actor.email, ...auditOrg(actor.org), action: 'user.invited', targetType: 'User', targetId: user.id, details: JSON.stringify({ email: input.email, role: input.role }) },
      });
      return { userId: user.id, token };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('CONFLICT', 'This email already has an account in the portal.', { reason: 'email-taken' });
    throw error;
  }
}

/** A new invitation link for someone invited who has not joined yet. */
export async function renewMemberInvitation(actor: PeopleActor, userId: string): Promise<{ email: string; name: string; role: Role; locale: string; token: string }> {
  const member = await prisma.user.findFirst({ where: { id: userId, ...orgWhere(actor.org), passwordHash: null, emailVerifiedAt: null, deactivatedAt: null }, select: { email: true, name: true, role: true, locale: true } });
  if (!member) throw new AppError('NOT_FOUND', 'No pending invitation for this person.');
  const token = await issueEmailToken(userId, 'invitation');
  return { ...member, token };
}

/** Locks the organisation's row for the rest of the transaction: changes to its admins are made one at a time. */
async function lockOrganisation(tx: Prisma.TransactionClient, org: Organisation): Promise<void> {
  // Writing the row's own value back takes the row's write lock, in SQLite as in PostgreSQL.
  const count =
    'partnerId' in org
      ? await tx.$executeRaw`UPDATE "Partner" SET "name" = "name" WHERE "id" = ${org.partnerId}`
      : await tx.$executeRaw`UPDATE "Customer" SET "name" = "name" WHERE "id" = ${org.customerId}`;
  if (count === 0) throw new AppError('NOT_FOUND', 'No such organisation.');
}

/** The member, in the actor's organisation, inside the transaction; NOT_FOUND for anyone else. */
async function memberOf(tx: Prisma.TransactionClient, actor: PeopleActor, userId: string) {
  const member = await tx.user.findFirst({ where: { id: userId, ...orgWhere(actor.org) }, select: { id: true, email: true, role: true, deactivatedAt: true } });
  if (!member) throw new AppError('NOT_FOUND', 'No such person in your organisation.');
  return member;
}

async function otherActiveAdmins(tx: Prisma.TransactionClient, org: Organisation, userId: string): Promise<number> {
  return tx.user.count({ where: { ...orgWhere(org), role: ADMIN_ROLE(org), deactivatedAt: null, id: { not: userId } } });
}

const LAST_ADMIN = () => new AppError('CONFLICT', 'At least one admin must remain.', { reason: 'last-admin' });

/** Changes an agent's role (partners only: a customer's people are all administrators). */
export async function changeMemberRole(actor: PeopleActor, userId: string, role: 'PARTNER_ADMIN' | 'PARTNER_SALES'): Promise<void> {
  if (!('partnerId' in actor.org)) throw new AppError('NOT_SUPPORTED', 'A customer organisation’s people are all administrators.');
  await prisma.$transaction(async (tx) => {
    await lockOrganisation(tx, actor.org);
    const member = await memberOf(tx, actor, userId);
    if (member.role === role) return;
    if (member.role === 'PARTNER_ADMIN' && !member.deactivatedAt && (await otherActiveAdmins(tx, actor.org, userId)) === 0) throw LAST_ADMIN();
    await tx.user.update({ where: { id: userId }, data: { role } });
    await tx.auditEvent.create({
      data: { actorId: actor.userId, actorEmail: actor.email, ...auditOrg(actor.org), action: 'user.role-changed', targetType: 'User', targetId: userId, details: JSON.stringify({ email: member.email, from: member.role, to: role }) },
    });
  });
}

/**
 * Deactivates a person: their sessions end at once (the session version
 * moves on), they cannot sign in, and the API keys they created are revoked.
 */
export async function deactivateMember(actor: PeopleActor, userId: string): Promise<{ revokedKeys: number }> {
  if (userId === actor.userId) throw new AppError('CONFLICT', 'You cannot deactivate your own account.', { reason: 'self' });
  return prisma.$transaction(async (tx) => {
    await lockOrganisation(tx, actor.org);
    const member = await memberOf(tx, actor, userId);
    if (member.deactivatedAt) return { revokedKeys: 0 };
    if (member.role === ADMIN_ROLE(actor.org) && (await otherActiveAdmins(tx, actor.org, userId)) === 0) throw LAST_ADMIN();
    const now = new Date();
    await tx.user.update({ where: { id: userId }, data: { deactivatedAt: now, sessionVersion: { increment: 1 } } });
    const { count: revokedKeys } = await tx.apiKey.updateMany({ where: { createdById: userId, revokedAt: null }, data: { revokedAt: now } });
    await tx.auditEvent.create({
      data: { actorId: actor.userId, actorEmail: actor.email, ...auditOrg(actor.org), action: 'user.deactivated', targetType: 'User', targetId: userId, details: JSON.stringify({ email: member.email, revokedKeys }) },
    });
    return { revokedKeys };
  });
}

/** Lets a deactivated person sign in again (their revoked API keys stay revoked). */
export async function reactivateMember(actor: PeopleActor, userId: string): Promise<void> {
  await prisma.$transaction(async (tx) => {
    await lockOrganisation(tx, actor.org);
    const member = await memberOf(tx, actor, userId);
    if (!member.deactivatedAt) return;
    await tx.user.update({ where: { id: userId }, data: { deactivatedAt: null } });
    await tx.auditEvent.create({
      data: { actorId: actor.userId, actorEmail: actor.email, ...auditOrg(actor.org), action: 'user.reactivated', targetType: 'User', targetId: userId, details: JSON.stringify({ email: member.email }) },
    });
  });
}
