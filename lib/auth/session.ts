/**
 * The portal's sessions, for the rest of the portal: who is signed in,
 * signing in with a password, signing out. Nothing outside lib/auth touches
 * Auth.js itself.
 */
import 'server-only';
import { AuthError, CredentialsSignin } from 'next-auth';
import { endSessions } from '@/lib/data/accounts';
import { auth, handlers, signIn, signOut } from './next-auth';

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

export type PasswordSignInFailure = 'invalid' | 'throttled';

/**
 * Signs in with email and password and goes to `redirectTo` (by throwing
 * Next's redirect, which the caller lets through). On failure, says why
 * without telling which of the two was wrong.
 */
export async function signInWithPassword(email: unknown, password: unknown, redirectTo: string): Promise<PasswordSignInFailure> {
  try {
    await signIn('credentials', { email, password, redirectTo });
  } catch (error) {
    if (error instanceof AuthError) {
      return error instanceof CredentialsSignin && error.code === 'too-many-attempts' ? 'throttled' : 'invalid';
    }
    throw error;
  }
  return 'invalid';
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
