import 'server-only';
import { cache } from 'react';
import { redirect } from 'next/navigation';
import { auth } from '@/auth';
import { prisma } from '@/lib/db/client';
import type { Role } from './permissions';

/** Who is asking, as the database knows them now (not as the session cookie remembers). */
export interface Actor {
  userId: string;
  email: string;
  name: string;
  role: Role;
  partnerId: string | null;
  partnerName: string | null;
  partnerKind: 'CSP' | 'OEM' | null;
  customerId: string | null;
  customerName: string | null;
}

export interface PartnerActor extends Actor {
  partnerId: string;
  partnerName: string;
  partnerKind: 'CSP' | 'OEM';
  role: 'PARTNER_ADMIN' | 'PARTNER_SALES';
}

/** The signed-in user, read once per request; null when nobody is signed in. */
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  const user = await prisma.user.findUnique({
    where: { id },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      partner: { select: { id: true, name: true, kind: true } },
      customer: { select: { id: true, name: true } },
    },
  });
  return user ? actorFromUser(user) : null;
});

/** The actor of a user read with its partner and customer. */
export function actorFromUser(user: {
  id: string;
  email: string;
  name: string;
  role: Role;
  partner: { id: string; name: string; kind: 'CSP' | 'OEM' } | null;
  customer: { id: string; name: string } | null;
}): Actor {
  return {
    userId: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    partnerId: user.partner?.id ?? null,
    partnerName: user.partner?.name ?? null,
    partnerKind: user.partner?.kind ?? null,
    customerId: user.customer?.id ?? null,
    customerName: user.customer?.name ?? null,
  };
}

export interface CustomerAdminActor extends Actor {
  role: 'CUSTOMER_ADMIN';
  customerId: string;
  customerName: string;
}

export function isCustomerAdmin(actor: Actor | null): actor is CustomerAdminActor {
  return actor !== null && actor.role === 'CUSTOMER_ADMIN' && actor.customerId !== null;
}

export function isPartnerActor(actor: Actor | null): actor is PartnerActor {
  return actor !== null && actor.partnerId !== null && (actor.role === 'PARTNER_ADMIN' || actor.role === 'PARTNER_SALES');
}

/** For pages: the signed-in user, or the sign-in page. */
export async function requireActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect('/sign-in');
  return actor;
}

/** For partner pages: a partner agent, or their own start page for anyone else. */
export async function requirePartnerActor(): Promise<PartnerActor> {
  const actor = await requireActor();
  if (!isPartnerActor(actor)) redirect('/');
  return actor;
}
