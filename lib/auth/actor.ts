/**
 * Who is signed in, for pages and server actions: read once per request
 * from the database, never from what the session cookie remembers.
 */
import 'server-only';
import { cache } from 'react';
import { notFound, redirect } from 'next/navigation';
import { readSignedIn, type CustomerAdmin, type SignedIn } from '@/lib/data/people';
import { requireCustomerScope, type CustomerScope } from '@/lib/data/scope';
import { isAppError } from '@/lib/errors';
import type { AgentPrincipal } from './principal';
import { currentSession } from './session';

export type { CustomerAdmin, SignedIn };

/** The signed-in user, or null when nobody is signed in. */
export const getSignedIn = cache(async (): Promise<SignedIn | null> => {
  const session = await currentSession();
  return session ? readSignedIn(session.userId, session.sessionVersion) : null;
});

export function isAgent(who: SignedIn | null): who is AgentPrincipal {
  return who?.type === 'agent';
}

export function isCustomerAdmin(who: SignedIn | null): who is CustomerAdmin {
  return who?.type === 'customer-admin';
}

/**
 * For pages: the signed-in user, or the sign-in page. An agent whose partner
 * requires a second factor they have not set up goes to their Account page
 * first (the only page that does not call this).
 */
export async function requireSignedIn(): Promise<SignedIn> {
  const who = await requireSession();
  if (isAgent(who) && who.secondFactorMissing) redirect('/account?mfa=required');
  return who;
}

/** The signed-in user, or the sign-in page; nothing else asked (the shell, the Account page). */
export async function requireSession(): Promise<SignedIn> {
  const who = await getSignedIn();
  if (!who) redirect('/sign-in');
  return who;
}

/** For partner pages: a partner's agent, or their own start page for anyone else. */
export async function requireAgent(): Promise<AgentPrincipal> {
  const who = await requireSignedIn();
  if (!isAgent(who)) redirect('/');
  return who;
}

/** For a customer administrator's pages. */
export async function requireCustomerAdmin(): Promise<CustomerAdmin> {
  const who = await requireSignedIn();
  if (!isCustomerAdmin(who)) redirect('/');
  return who;
}

/**
 * For a customer's pages: the agent's scope for the customer, or a 404 (a
 * customer without an active relationship is indistinguishable from one
 * that does not exist).
 */
export async function requireCustomerScopeForPage(customerId: string): Promise<CustomerScope> {
  const agent = await requireAgent();
  try {
    return await requireCustomerScope(agent, customerId);
  } catch (error) {
    if (isAppError(error) && error.code === 'NO_RELATIONSHIP') notFound();
    throw error;
  }
}
