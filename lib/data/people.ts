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
      partner: { select: { id: true, name: true, kind: true } },
      customer: { select: { id: true, name: true } },
    },
  });
  if (!user || user.sessionVersion !== sessionVersion) return null;
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

/** Who hears of a relationship's changes on one side: the partner's admin agents, or the customer's administrators. */
export async function relationshipContacts(side: { partnerId: string } | { customerId: string }): Promise<Array<{ email: string; locale: Lang }>> {
  const users = await prisma.user.findMany({ where: side, select: { email: true, role: true, locale: true }, orderBy: { email: 'asc' } });
  return users
    .filter((u) => ('partnerId' in side ? roleAllows(u.role, 'relationships:manage') : isCustomerAdminRole(u.role)))
    .map((u) => ({ email: u.email, locale: isLang(u.locale) ? u.locale : 'en' }));
}

/** Remembers the language a person chose, for the emails written to them. */
export async function setUserLocale(userId: string, locale: Lang): Promise<void> {
  await prisma.user.updateMany({ where: { id: userId }, data: { locale } });
}
