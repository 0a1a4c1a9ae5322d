/**
 * Which portal account a single sign-on is (lib/auth/oidc.ts reads the
 * provider's ID token). Accounts are never made from single sign-on: the
 * person must already have one, linked to the provider's identity or found
 * by an address the provider verified.
 */
import 'server-only';
import type { OidcIdentity } from '@/lib/auth/oidc';
import { prisma } from '@/lib/db/client';
import { isUniqueViolation } from '@/lib/db/errors';
import { AppError, isAppError } from '@/lib/errors';
import { auditOwnAccount } from './audit';
import { consumeEmailToken } from './email-tokens';

/** The account a single sign-on opens a session for. */
export interface OidcSignInUser {
  id: string;
  email: string;
  name: string;
  sessionVersion: number;
}

/**
 * What User.oidcSubject holds for an identity: the issuer, a space, then the
 * subject. An issuer is an address, which has no space, so the first space
 * separates the two whatever the subject holds.
 */
export function oidcSubjectKey(identity: Pick<OidcIdentity, 'issuer' | 'subject'>): string {
  return `${identity.issuer} ${identity.subject}`;
}

const fields = {
  id: true,
  email: true,
  name: true,
  sessionVersion: true,
  role: true,
  partnerId: true,
  customerId: true,
  passwordHash: true,
  emailVerifiedAt: true,
  deactivatedAt: true,
  oidcSubject: true,
} as const;

type Candidate = {
  id: string;
  email: string;
  name: string;
  sessionVersion: number;
  role: string;
  customerId: string | null;
  deactivatedAt: Date | null;
};

const signInUser = (user: Candidate): OidcSignInUser => ({ id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion });

/**
 * The account the identity signs in to, or null (refused):
 *
 * - the account already linked to this issuer and subject;
 * - else the account with the email the provider says it verified, which is
 *   then linked (its address counts as verified too: an invitation waiting
 *   to be accepted is accepted this way). An account linked to another
 *   identity is refused, and so is one whose password was set by someone
 *   who never proved they read mail at its address (a sign-up not
 *   confirmed): linking it would let that password into an account whose
 *   owner the provider vouches for. Confirming the address by its link
 *   first lets the link happen;
 * - else nobody: there is no account to make.
 *
 * A deactivated account is always refused. A customer administrator's
 * sign-in with Entra ID records the organisation's tenant, once, unless
 * another organisation holds it already.
 */
export async function findUserForOidcSignIn(identity: OidcIdentity, invitation: string | null = null): Promise<OidcSignInUser | null> {
  const key = oidcSubjectKey(identity);
  const linked = await prisma.user.findUnique({ where: { oidcSubject: key }, select: fields });
  if (linked) {
    if (linked.deactivatedAt) return null;
    await recordTenant(linked, identity);
    return signInUser(linked);
  }
  if (invitation) return joinWithInvitation(identity, key, invitation);
  if (!identity.email || !identity.emailVerified) return null;
  const user = await prisma.user.findUnique({ where: { email: identity.email }, select: fields });
  if (!user || user.deactivatedAt || user.oidcSubject !== null) return null;
  if (user.passwordHash !== null && user.emailVerifiedAt === null) return null;
  if (!(await link(user.id, identity.email, identity, key))) {
    // Another sign-in changed the account meanwhile: it decides, as if it had come first.
    const now = await prisma.user.findUnique({ where: { oidcSubject: key }, select: fields });
    return now && !now.deactivatedAt ? signInUser(now) : null;
  }
  await recordTenant(user, identity);
  return signInUser(user);
}

/**
 * The person followed an invitation's link (which proved they read mail at
 * the invited address) and chose single sign-on there: the invitation is
 * used up and the identity linked to the invited account, whatever address
 * the provider gives. Null when the invitation cannot be used or the account
 * was linked or joined meanwhile.
 */
async function joinWithInvitation(identity: OidcIdentity, key: string, token: string): Promise<OidcSignInUser | null> {
  try {
    const userId = await prisma.$transaction(async (tx) => {
      const { userId } = await consumeEmailToken(tx, token, 'invitation');
      const { count } = await tx.user.updateMany({
        where: { id: userId, oidcSubject: null, deactivatedAt: null, passwordHash: null },
        data: { oidcSubject: key, emailVerifiedAt: new Date() },
      });
      if (count === 0) throw new AppError('CONFLICT', 'The invited account changed meanwhile.', { reason: 'used' });
      await auditOwnAccount(userId, 'user.joined', { via: 'sso', issuer: identity.issuer, subject: identity.subject }, tx);
      return userId;
    });
    const user = await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: fields });
    await recordTenant(user, identity);
    return signInUser(user);
  } catch (error) {
    if (isAppError(error) || isUniqueViolation(error)) return null;
    throw error;
  }
}

/**
 * Links the identity to the account, only if the account is still unlinked,
 * active and as it was checked; whether it was linked. Of two sign-ins at
 * once, one links.
 */
async function link(userId: string, email: string, identity: OidcIdentity, key: string): Promise<boolean> {
  try {
    return await prisma.$transaction(async (tx) => {
      const { count } = await tx.user.updateMany({
        where: { id: userId, email, oidcSubject: null, deactivatedAt: null, OR: [{ passwordHash: null }, { emailVerifiedAt: { not: null } }] },
        data: { oidcSubject: key },
      });
      if (count === 0) return false;
      await tx.user.updateMany({ where: { id: userId, emailVerifiedAt: null }, data: { emailVerifiedAt: new Date() } });
      await auditOwnAccount(userId, 'user.sso-linked', { issuer: identity.issuer, subject: identity.subject }, tx);
      return true;
    });
  } catch (error) {
    // The identity was linked to an account a moment ago.
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

/**
 * Records the Entra ID tenant of a customer administrator's organisation,
 * when it has none yet. A tenant another organisation holds stays there:
 * the sign-in goes on, nothing is recorded.
 */
async function recordTenant(user: Candidate, identity: OidcIdentity): Promise<void> {
  const { customerId } = user;
  const { tenantId } = identity;
  if (user.role !== 'CUSTOMER_ADMIN' || !customerId || !tenantId) return;
  try {
    await prisma.$transaction(async (tx) => {
      const { count } = await tx.customer.updateMany({ where: { id: customerId, entraTenantId: null }, data: { entraTenantId: tenantId } });
      if (count === 0) return;
      await tx.auditEvent.create({
        data: {
          actorId: user.id,
          actorEmail: user.email,
          customerId,
          action: 'customer.entra-tenant-recorded',
          targetType: 'Customer',
          targetId: customerId,
          details: JSON.stringify({ tenantId }),
        },
      });
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
}
