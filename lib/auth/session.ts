/**
 * The portal's sessions, for the rest of the portal: who is signed in,
 * signing in with a password, signing out. Nothing outside lib/auth touches
 * Auth.js itself.
 */
import 'server-only';
import { AuthError, CredentialsSignin } from 'next-auth';
import { auth, handlers, signIn, signOut } from './next-auth';

/** The route handlers Auth.js answers on /api/auth. */
export const authRouteHandlers = handlers;

/** The signed-in user's id, as the session cookie says; null when nobody is signed in. */
export async function sessionUserId(): Promise<string | null> {
  const session = await auth();
  return session?.user?.id ?? null;
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

/** Ends the session and goes to the sign-in page. */
export async function signOutToSignIn(): Promise<void> {
  await signOut({ redirectTo: '/sign-in' });
}
