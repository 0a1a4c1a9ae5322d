import 'server-only';
import { prisma } from '@/lib/db/client';
import { isLang, type Lang } from '@/lib/autopilot';
import { isCustomerAdminRole, isPartnerRole, roleAllows } from '@/lib/auth/permissions';
import type { AgentPrincipal } from '@/lib/auth/principal';

/** A customer organisation's administrator, as the database knows them now. */
export interface CustomerAdmin {
  type: 'customer-admin';
  userId: string;
  email: string;
  name: string;
  customerId: string;
  customerName: string;
  /** Whether they proved they read mail at `email`: nothing that grants access is done before. */
  emailVerified: boolean;
}

/** Whoever is signed in: a partner's agent or a customer's administrator. */
export type SignedIn = AgentPrincipal | CustomerAdmin;

/**
 * The signed-in user as the database knows them now (not as the session
 * cookie remembers); null for a session that was ended (its version is no
 * longer the account's) or an account that no longer fits either role.
 */
export async function readSignedIn(userId: string, sessionVersion: number): Promise<SignedIn | null> {
  const user = await prisma.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      sessionVersion: true,
      emailVerifiedAt: true,
      deactivatedAt: true,
      mfaEnabledAt: true,
      partner: { select: { id: true, name: true, kind: true, requireMfa: true } },
      customer: { select: { id: true, name: true } },
    },
  });
  if (!user || user.sessionVersion !== sessionVersion || user.deactivatedAt) return null;
  if (isPartnerRole(user.role) && user.partner) {
    return {
      type: 'agent',
      userId: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      partnerId: user.partner.id,
      partnerName: user.partner.name,
      partnerKind: user.partner.kind,
      ...(user.partner.requireMfa && !user.mfaEnabledAt && { secondFactorMissing: true }),
    };
  }
  if (isCustomerAdminRole(user.role) && user.customer) {
    return {
      type: 'customer-admin',
      userId: user.id,
      email: user.email,
      name: user.name,
      customerId: user.customer.id,
      customerName: user.customer.name,
      emailVerified: user.emailVerifiedAt !== null,
    };
  }
  return null;
}

/** What finishing a sign-in needs to know of an account: whether it may still sign in, and its session version. */
export async function readSignInState(userId: string): Promise<{ email: string; name: string; sessionVersion: number; active: boolean } | null> {
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { email: true, name: true, sessionVersion: true, deactivatedAt: true } });
  return user && { email: user.email, name: user.name, sessionVersion: user.sessionVersion, active: user.deactivatedAt === null };
}

/** Who hears of a relationship's changes on one side: the partner's admin agents, or the customer's administrators. */
export async function relationshipContacts(side: { partnerId: string } | { customerId: string }): Promise<Array<{ email: string; locale: Lang }>> {
  const users = await prisma.user.findMany({ where: { ...side, deactivatedAt: null }, select: { email: true, role: true, locale: true }, orderBy: { email: 'asc' } });
  return users
    .filter((u) => ('partnerId' in side ? roleAllows(u.role, 'relationships:manage') : isCustomerAdminRole(u.role)))
    .map((u) => ({ email: u.email, locale: isLang(u.locale) ? u.locale : 'en' }));
}

/** Remembers the language a person chose, for the emails written to them. */
export async function setUserLocale(userId: string, locale: Lang): Promise<void> {
  await prisma.user.updateMany({ where: { id: userId }, data: { locale } });
}
