import 'server-only';
import { prisma } from '@/lib/db/client';
import { isUniqueViolation } from '@/lib/db/errors';
import { authSecret } from '@/lib/auth/secret';
import { can, relationshipKindOf, type AgentPrincipal } from '@/lib/auth/principal';
import { relationshipKindFor, type Permission, type RelationshipKind } from '@/lib/auth/permissions';
import { deriveToken, isWellFormedToken, newLinkToken, newNonce, tokenHash } from '@/lib/consent/tokens';
import { AppError } from '@/lib/errors';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { Lang } from '@/lib/autopilot';
import type { CustomerAdmin } from './people';
import { activeRelationshipWhere } from './scope';

type Tx = Prisma.TransactionClient;

/** An invitation stays open this long. */
export const INVITATION_DAYS = 14;

function requirePermission(principal: AgentPrincipal, permission: Permission): void {
  if (!can(principal, permission)) throw new AppError('FORBIDDEN');
}

async function audit(
  tx: Tx,
  event: { actorId: string | null; actorEmail: string | null; partnerId: string; customerId?: string | null; action: string; targetType: string; targetId: string; details: Record<string, unknown> },
) {
  await tx.auditEvent.create({ data: { ...event, details: JSON.stringify(event.details) } });
}

// ——— The partner's link and invitations ———

/** The partner's relationship link, or null until one is made. Reading never writes. */
export async function findRelationshipLink(principal: AgentPrincipal): Promise<{ token: string; createdAt: string } | null> {
  requirePermission(principal, 'relationships:read');
  const partner = await prisma.partner.findUniqueOrThrow({
    where: { id: principal.partnerId },
    select: { linkNonce: true, linkTokenHash: true, linkCreatedAt: true },
  });
  if (!partner.linkNonce || !partner.linkCreatedAt) return null;
  const token = deriveToken(authSecret(), 'link', principal.partnerId, partner.linkNonce);
  // Made under another secret (AUTH_SECRET changed since): it would not open; an admin makes a new one.
  if (tokenHash(token) !== partner.linkTokenHash) return null;
  return { token, createdAt: partner.linkCreatedAt.toISOString() };
}

/** A new link; the old one, if any, stops working at once. Admin agents only. */
export async function renewRelationshipLink(principal: AgentPrincipal): Promise<{ token: string; createdAt: string }> {
  requirePermission(principal, 'relationships:manage');
  const { nonce, token, hash } = newLinkToken(authSecret(), principal.partnerId);
  const now = new Date();
  await prisma.$transaction(async (tx) => {
    const before = await tx.partner.findUniqueOrThrow({ where: { id: principal.partnerId }, select: { linkNonce: true } });
    await tx.partner.update({ where: { id: principal.partnerId }, data: { linkNonce: nonce, linkTokenHash: hash, linkCreatedAt: now } });
    await audit(tx, {
      actorId: principal.userId, actorEmail: principal.email, partnerId: principal.partnerId, action: before.linkNonce ? 'link.regenerated' : 'link.created',
      targetType: 'Partner', targetId: principal.partnerId, details: { partnerName: principal.partnerName },
    });
  });
  return { token, createdAt: now.toISOString() };
}

export interface InvitationRow {
  id: string;
  organisationName: string;
  adminEmail: string;
  status: 'PENDING' | 'ACCEPTED' | 'DECLINED' | 'CANCELLED' | 'EXPIRED';
  createdAt: string;
  expiresAt: string;
  token: string | null;
}

export async function listInvitations(actor: AgentPrincipal): Promise<InvitationRow[]> {
  requirePermission(actor, 'relationships:read');
  const now = new Date();
  const rows = await prisma.invitation.findMany({
    where: { partnerId: actor.partnerId },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: 50,
  });
  return rows.map((r) => {
    const expired = r.status === 'PENDING' && r.expiresAt <= now;
    return {
      id: r.id,
      organisationName: r.organisationName,
      adminEmail: r.adminEmail,
      status: expired ? 'EXPIRED' : r.status,
      createdAt: r.createdAt.toISOString(),
      expiresAt: r.expiresAt.toISOString(),
      // Only a pending invitation's link is worth showing again.
      token: r.status === 'PENDING' && !expired ? deriveToken(authSecret(), 'invitation', r.id, r.nonce) : null,
    };
  });
}

export async function createInvitation(
  actor: AgentPrincipal,
  input: { organisationName: string; adminEmail: string; locale?: Lang },
): Promise<{ id: string; token: string; kind: RelationshipKind; expiresAt: Date }> {
  requirePermission(actor, 'relationships:invite');
  const nonce = newNonce();
  const id = crypto.randomUUID();
  const token = deriveToken(authSecret(), 'invitation', id, nonce);
  const expiresAt = new Date(Date.now() + INVITATION_DAYS * 24 * 60 * 60 * 1000);
  await prisma.$transaction(async (tx) => {
    await tx.invitation.create({
      data: {
        id,
        partnerId: actor.partnerId,
        kind: relationshipKindOf(actor),
        organisationName: input.organisationName,
        adminEmail: input.adminEmail,
        locale: input.locale ?? 'en',
        nonce,
        tokenHash: tokenHash(token),
        status: 'PENDING',
        expiresAt,
        createdById: actor.userId,
      },
    });
    await audit(tx, {
      actorId: actor.userId, actorEmail: actor.email, partnerId: actor.partnerId, action: 'relationship.requested',
      targetType: 'Invitation', targetId: id, details: { partnerName: actor.partnerName, organisationName: input.organisationName, adminEmail: input.adminEmail },
    });
  });
  return { id, token, kind: relationshipKindOf(actor), expiresAt };
}

export async function cancelInvitation(actor: AgentPrincipal, invitationId: string): Promise<void> {
  requirePermission(actor, 'relationships:invite');
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.invitation.updateMany({
      where: { id: invitationId, partnerId: actor.partnerId, status: 'PENDING' },
      data: { status: 'CANCELLED', decidedAt: new Date(), decidedById: actor.userId },
    });
    if (count === 0) throw new AppError('NOT_FOUND', 'No such pending invitation.', { reason: 'invitation' });
    await audit(tx, { actorId: actor.userId, actorEmail: actor.email, partnerId: actor.partnerId, action: 'invitation.cancelled', targetType: 'Invitation', targetId: invitationId, details: { partnerName: actor.partnerName } });
  });
}

// ——— What a customer administrator sees when opening a link ———

export interface ConsentOffer {
  source: 'link' | 'invitation';
  partner: { id: string; name: string; kind: 'CSP' | 'OEM' };
  kind: RelationshipKind;
  invitation: { id: string; organisationName: string; adminEmail: string; expiresAt: string } | null;
}

export type ConsentLookup = { ok: true; offer: ConsentOffer } | { ok: false; reason: 'invalid' | 'expired' | 'used' | 'declined' | 'cancelled' };

/** What a token stands for, if it still stands for anything. */
export async function lookUpConsent(token: string, db: Tx = prisma): Promise<ConsentLookup> {
  if (!isWellFormedToken(token)) return { ok: false, reason: 'invalid' };
  const hash = tokenHash(token);
  const partner = await db.partner.findUnique({ where: { linkTokenHash: hash }, select: { id: true, name: true, kind: true } });
  if (partner) return { ok: true, offer: { source: 'link', partner, kind: relationshipKindFor(partner.kind), invitation: null } };
  const invitation = await db.invitation.findUnique({
    where: { tokenHash: hash },
    select: { id: true, status: true, expiresAt: true, kind: true, organisationName: true, adminEmail: true, partner: { select: { id: true, name: true, kind: true } } },
  });
  if (!invitation) return { ok: false, reason: 'invalid' };
  if (invitation.status === 'ACCEPTED') return { ok: false, reason: 'used' };
  if (invitation.status === 'DECLINED') return { ok: false, reason: 'declined' };
  if (invitation.status === 'CANCELLED') return { ok: false, reason: 'cancelled' };
  if (invitation.expiresAt <= new Date()) return { ok: false, reason: 'expired' };
  return {
    ok: true,
    offer: {
      source: 'invitation',
      partner: invitation.partner,
      kind: invitation.kind,
      invitation: { id: invitation.id, organisationName: invitation.organisationName, adminEmail: invitation.adminEmail, expiresAt: invitation.expiresAt.toISOString() },
    },
  };
}

export interface ConsentDecision {
  alreadyActive: boolean;
  partnerId: string;
  partnerName: string;
  kind: RelationshipKind;
}

/** The offer a token stands for, or AppError('CONFLICT') saying why it no longer stands. */
async function currentOffer(token: string, tx: Tx): Promise<ConsentOffer> {
  const lookup = await lookUpConsent(token, tx);
  if (!lookup.ok) throw new AppError('CONFLICT', 'This consent link cannot be used.', { reason: lookup.reason });
  return lookup.offer;
}

/** An invitation is for the administrator it names, and nobody else; and nobody answers before proving their address. */
function assertAddressedTo(offer: ConsentOffer, admin: CustomerAdmin): void {
  if (!admin.emailVerified) {
    throw new AppError('FORBIDDEN', 'Verify your email address first: follow the link sent to it.', { reason: 'email-unverified' });
  }
  if (offer.invitation && offer.invitation.adminEmail.toLowerCase() !== admin.email.toLowerCase()) {
    throw new AppError('FORBIDDEN', 'This invitation is addressed to another administrator.', { reason: 'addressed-elsewhere' });
  }
}

/**
 * A customer administrator accepts. In one transaction, with every state
 * change guarded in its `where`: an invitation is claimed only while pending
 * and unexpired, and the one relationship row of this partner, customer and
 * kind becomes active unless it already is. Accepting twice, or two
 * administrators at once, leaves exactly one active relationship.
 */
export async function acceptConsent(actor: CustomerAdmin, token: string): Promise<ConsentDecision> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await prisma.$transaction((tx) => accept(tx, actor, token));
    } catch (error) {
      // Another administrator created the relationship row first: read it again.
      if (attempt < 3 && isUniqueViolation(error)) continue;
      throw error;
    }
  }
}

async function accept(tx: Tx, actor: CustomerAdmin, token: string): Promise<ConsentDecision> {
  const offer = await currentOffer(token, tx);
  assertAddressedTo(offer, actor);
  const now = new Date();
  if (offer.invitation) {
    const claimed = await tx.invitation.updateMany({
      where: { id: offer.invitation.id, status: 'PENDING', expiresAt: { gt: now } },
      data: { status: 'ACCEPTED', decidedAt: now, decidedById: actor.userId },
    });
    if (claimed.count === 0) throw new AppError('CONFLICT', 'This invitation was used.', { reason: 'used' });
  }
  const key = { partnerId: offer.partner.id, customerId: actor.customerId, kind: offer.kind };
  const existing = await tx.relationship.findUnique({ where: { partnerId_customerId_kind: key }, select: { id: true, status: true } });
  let changed: string | null = null;
  if (!existing) {
    const created = await tx.relationship.create({ data: { ...key, status: 'ACTIVE', approvedById: actor.userId, approvedAt: now }, select: { id: true } });
    changed = created.id;
  } else {
    const { count } = await tx.relationship.updateMany({
      where: { id: existing.id, status: { not: 'ACTIVE' } },
      data: { status: 'ACTIVE', approvedById: actor.userId, approvedAt: now },
    });
    if (count > 0) changed = existing.id;
  }
  if (changed) {
    await audit(tx, {
      actorId: actor.userId, actorEmail: actor.email, partnerId: offer.partner.id, customerId: actor.customerId,
      action: 'relationship.accepted', targetType: 'Relationship', targetId: changed,
      details: { partnerName: offer.partner.name, customerName: actor.customerName, kind: offer.kind, via: offer.source },
    });
  }
  return { alreadyActive: changed === null, partnerId: offer.partner.id, partnerName: offer.partner.name, kind: offer.kind };
}

/** A customer administrator declines: an invitation is closed; a link simply leaves no relationship. */
export async function declineConsent(actor: CustomerAdmin, token: string): Promise<ConsentDecision> {
  return prisma.$transaction(async (tx) => {
    const offer = await currentOffer(token, tx);
    assertAddressedTo(offer, actor);
    let targetId = offer.partner.id;
    if (offer.invitation) {
      const { count } = await tx.invitation.updateMany({
        where: { id: offer.invitation.id, status: 'PENDING' },
        data: { status: 'DECLINED', decidedAt: new Date(), decidedById: actor.userId },
      });
      if (count === 0) throw new AppError('CONFLICT', 'This invitation was used.', { reason: 'used' });
      targetId = offer.invitation.id;
    }
    await audit(tx, {
      actorId: actor.userId, actorEmail: actor.email, partnerId: offer.partner.id, customerId: actor.customerId,
      action: 'relationship.declined', targetType: offer.invitation ? 'Invitation' : 'Partner', targetId,
      details: { partnerName: offer.partner.name, customerName: actor.customerName, kind: offer.kind, via: offer.source },
    });
    return { alreadyActive: false, partnerId: offer.partner.id, partnerName: offer.partner.name, kind: offer.kind };
  });
}

// ——— Removal, from either side ———

/** The partner removes its relationship with a customer: admin agents only. */
export async function removeRelationshipAsPartner(actor: AgentPrincipal, customerId: string): Promise<{ customerName: string; kind: RelationshipKind }> {
  requirePermission(actor, 'relationships:remove');
  return prisma.$transaction(async (tx) => {
    const relationship = await tx.relationship.findFirst({
      where: { ...activeRelationshipWhere(actor), customerId },
      select: { id: true, kind: true, customer: { select: { name: true } } },
    });
    if (!relationship) throw new AppError('NO_RELATIONSHIP');
    const { count } = await tx.relationship.updateMany({ where: { id: relationship.id, ...activeRelationshipWhere(actor) }, data: { status: 'REMOVED' } });
    if (count === 0) throw new AppError('NO_RELATIONSHIP');
    await audit(tx, {
      actorId: actor.userId, actorEmail: actor.email, partnerId: actor.partnerId, customerId,
      action: 'relationship.removed', targetType: 'Relationship', targetId: relationship.id,
      details: { partnerName: actor.partnerName, customerName: relationship.customer.name, kind: relationship.kind, by: 'partner' },
    });
    return { customerName: relationship.customer.name, kind: relationship.kind };
  });
}

/** The customer administrator removes a partner's access: it is lost at once. */
export async function removeRelationshipAsCustomer(
  actor: CustomerAdmin,
  relationshipId: string,
): Promise<{ partnerId: string; partnerName: string; kind: RelationshipKind }> {
  return prisma.$transaction(async (tx) => {
    const relationship = await tx.relationship.findFirst({
      where: { id: relationshipId, ...activeRelationshipWhere(actor) },
      select: { id: true, kind: true, partnerId: true, partner: { select: { name: true } } },
    });
    if (!relationship) throw new AppError('NOT_FOUND', 'No such partner relationship.', { reason: 'relationship' });
    const { count } = await tx.relationship.updateMany({ where: { id: relationship.id, ...activeRelationshipWhere(actor) }, data: { status: 'REMOVED' } });
    if (count === 0) throw new AppError('NOT_FOUND', 'No such partner relationship.', { reason: 'relationship' });
    await audit(tx, {
      actorId: actor.userId, actorEmail: actor.email, partnerId: relationship.partnerId, customerId: actor.customerId,
      action: 'relationship.removed', targetType: 'Relationship', targetId: relationship.id,
      details: { partnerName: relationship.partner.name, customerName: actor.customerName, kind: relationship.kind, by: 'customer' },
    });
    return { partnerId: relationship.partnerId, partnerName: relationship.partner.name, kind: relationship.kind };
  });
}

// ——— History ———

export interface HistoryRow {
  id: string;
  at: string;
  action: string;
  actorEmail: string | null;
  partnerName: string | null;
  customerName: string | null;
  organisationName: string | null;
}

const RELATIONSHIP_ACTIONS = ['relationship.requested', 'relationship.accepted', 'relationship.declined', 'relationship.removed', 'invitation.cancelled', 'link.regenerated'];

async function history(where: Prisma.AuditEventWhereInput): Promise<HistoryRow[]> {
  const events = await prisma.auditEvent.findMany({
    where: { ...where, action: { in: RELATIONSHIP_ACTIONS } },
    orderBy: [{ at: 'desc' }, { id: 'desc' }],
    take: 50,
  });
  return events.map((e) => {
    const details = JSON.parse(e.details) as { partnerName?: string; customerName?: string; organisationName?: string };
    return {
      id: e.id,
      at: e.at.toISOString(),
      action: e.action,
      actorEmail: e.actorEmail,
      partnerName: details.partnerName ?? null,
      customerName: details.customerName ?? null,
      organisationName: details.organisationName ?? null,
    };
  });
}

export function partnerRelationshipHistory(actor: AgentPrincipal): Promise<HistoryRow[]> {
  requirePermission(actor, 'relationships:read');
  return history({ partnerId: actor.partnerId });
}

export function customerRelationshipHistory(actor: CustomerAdmin): Promise<HistoryRow[]> {
  return history({ customerId: actor.customerId });
}

/** Whether the customer already gave this partner this kind of relationship, and it is active. */
export async function isActiveWith(admin: CustomerAdmin, partnerId: string, kind: RelationshipKind): Promise<boolean> {
  return (await prisma.relationship.count({ where: { ...activeRelationshipWhere(admin), partnerId, kind } })) > 0;
}
