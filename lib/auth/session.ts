/**
 * The portal's sessions, for the rest of the portal: who is signed in,
 * signing in with a password, signing out. Nothing outside lib/auth touches
 * Auth.js itself.
 */
import 'server-only';
import { headers } from 'next/headers';
import { AuthError } from 'next-auth';
import { endSessions } from '@/lib/data/accounts';
import { env } from '@/lib/env';
import { auth, handlers, signIn, signOut } from './next-auth';
import { oidcConfigured, OIDC_PROVIDER_ID } from './oidc';
import { requestFacts } from './request-origin';
import { holdSsoInvitation } from './sso-invitation';
import { codeStep, passwordStep, type SignInStep } from './sign-in';

/** The route handlers Auth.js answers on /api/auth. */
export const authRouteHandlers = handlers;

/**
 * The session the cookie carries: the user's id and the session version it
 * was made under (the database decides whether that version still holds);
 * null when nobody is signed in.
 */
export async function currentSession(): Promise<{ userId: string; sessionVersion: number } | null> {
  const session = await auth();
  const userId = session?.user?.id;
  return userId ? { userId, sessionVersion: session.user.sessionVersion ?? 0 } : null;
}

export type SignInFailure = Extract<SignInStep, { next: 'refused' }>['reason'];

/** Where a step of signing in leaves the person: refused (and why), or asked for a code. */
export type SignInOutcome = { next: 'refused'; reason: SignInFailure } | { next: 'code'; challenge: string };

async function clientAddress(): Promise<string | null> {
  return requestFacts(await headers(), env().TRUST_PROXY).clientAddress;
}

/** A step passed every factor: Auth.js makes the session and goes to `redirectTo` (by throwing Next's redirect). */
async function finish(step: SignInStep, redirectTo: string): Promise<SignInOutcome> {
  if (step.next !== 'session') return step;
  try {
    await signIn('credentials', { ticket: step.ticket, redirectTo });
  } catch (error) {
    // The account changed between the step and the session (deactivated, signed out everywhere).
    if (error instanceof AuthError) return { next: 'refused', reason: 'expired' };
    throw error;
  }
  return { next: 'refused', reason: 'expired' };
}

/**
 * Signs in with email and password and goes to `redirectTo`, or asks for the
 * second factor; on failure says why without telling which of the two was
 * wrong.
 */
export async function signInWithPassword(email: string, password: string, redirectTo: string): Promise<SignInOutcome> {
  return finish(await passwordStep(email, password, await clientAddress()), redirectTo);
}

/** The second step: the challenge of the first, and a code from the app or a recovery code. */
export async function signInWithCode(challenge: string, code: string, redirectTo: string): Promise<SignInOutcome> {
  return finish(await codeStep(challenge, code, await clientAddress()), redirectTo);
}

/**
 * Ends the session and goes to the sign-in page. The account's session
 * version is raised first, so that a copy of the cookie, replayed later, is
 * refused too (and so are the account's sessions in other browsers).
 */
export async function signOutToSignIn(): Promise<void> {
  const session = await currentSession();
  if (session) await endSessions(session.userId);
  await signOut({ redirectTo: '/sign-in' });
}

/** Whether single sign-on is set up: the sign-in page shows its button. */
export function singleSignOnAvailable(): boolean {
  return oidcConfigured();
}

/**
 * Goes to the provider for single sign-on (by throwing Next's redirect),
 * then back to `redirectTo`. With `invitation`, the identity that comes back
 * joins the invited account.
 */
export async function signInWithSingleSignOn(redirectTo: string, invitation?: string): Promise<void> {
  if (invitation) await holdSsoInvitation(invitation);
  await signIn(OIDC_PROVIDER_ID, { redirectTo });
}
