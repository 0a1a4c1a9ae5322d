/**
 * Signing in, step by step, with every rule in one place: the password
 * (counted before it is checked, the same work for unknown emails), then the
 * second factor when the account has one. A step that passes every factor
 * gives a ticket, which Auth.js turns into a session (next-auth.ts).
 */
import 'server-only';
import { findUserForSignIn, upgradePasswordHash } from '@/lib/data/accounts';
import { consumeSecondFactor } from '@/lib/data/mfa';
import { readSignInState } from '@/lib/data/people';
import { refundSignInAttempt, takeAddressAttempt, takeSecondFactorAttempt, takeSignInAttempt } from '@/lib/data/sign-in-throttle';
import { hashPassword, needsRehash, verifyPassword } from './password';
import { authSecret } from './secret';
import { readStep, signStep } from './sign-in-steps';

export type SignInStep =
  | { next: 'session'; ticket: string }
  | { next: 'code'; challenge: string }
  | { next: 'refused'; reason: 'invalid' | 'throttled' | 'wrong-code' | 'expired' };

/** A hash of no one's password, checked for unknown emails and accounts without one. */
let unknownUser: Promise<string> | undefined;
const unknownUserHash = () => (unknownUser ??= hashPassword(crypto.randomUUID()));

export async function passwordStep(email: string, password: string, address: string | null): Promise<SignInStep> {
  // Counted before it is checked: attempts sent together cannot all be checked.
  const taken = await takeSignInAttempt(email, address);
  if (!taken.ok) return taken.by === 'account' ? underAttack(email, password, address) : { next: 'refused', reason: 'throttled' };
  const user = await findUserForSignIn(email);
  // An unknown email costs the same check as a known one: the time taken tells nothing.
  const matches = await verifyPassword(password, user?.passwordHash ?? (await unknownUserHash()));
  if (!user?.passwordHash || !matches || user.deactivatedAt) return { next: 'refused', reason: 'invalid' };
  await refundSignInAttempt(email, address);
  // A hash from before (bcrypt, or weaker scrypt) is replaced while the password is at hand.
  if (needsRehash(user.passwordHash)) {
    try {
      await upgradePasswordHash(user.id, user.passwordHash, await hashPassword(password));
    } catch (error) {
      console.error('Could not upgrade a password hash; the old one still works.', error);
    }
  }
  const claims = { userId: user.id, sessionVersion: user.sessionVersion };
  if (user.mfaEnabled) return { next: 'code', challenge: signStep('challenge', claims, authSecret()) };
  return { next: 'session', ticket: signStep('ticket', claims, authSecret()) };
}

/**
 * The account's attempts are used up (someone is guessing its password).
 * Without a second factor, it waits. With one, its owner is not locked out:
 * the password is checked (counted against the client address only) and the
 * code step follows whether it was right or not, so the answer tells a
 * guesser nothing; only a right password and a right code get in.
 */
async function underAttack(email: string, password: string, address: string | null): Promise<SignInStep> {
  const user = await findUserForSignIn(email);
  if (!user?.mfaEnabled || user.deactivatedAt || !user.passwordHash) return { next: 'refused', reason: 'throttled' };
  if (!(await takeAddressAttempt(address)).ok) return { next: 'refused', reason: 'throttled' };
  const passwordRight = await verifyPassword(password, user.passwordHash);
  return { next: 'code', challenge: signStep('challenge', { userId: user.id, sessionVersion: user.sessionVersion, passwordRight }, authSecret()) };
}

/** The second step: the challenge the password step gave, and a code from the app or a recovery code. */
export async function codeStep(challenge: unknown, code: string, address: string | null): Promise<SignInStep> {
  const claims = readStep('challenge', challenge, authSecret());
  if (!claims) return { next: 'refused', reason: 'expired' };
  // Codes sent after a wrong password count in a bucket of their own, at the same pace: a guesser cannot use up the owner's.
  if (!(await takeSecondFactorAttempt(claims.userId, claims.passwordRight !== false, address)).ok) return { next: 'refused', reason: 'throttled' };
  const state = await readSignInState(claims.userId);
  if (!state || state.sessionVersion !== claims.sessionVersion || !state.active) return { next: 'refused', reason: 'expired' };
  // After a wrong password, no code is right (and none is used up).
  if (!claims.passwordRight || !(await consumeSecondFactor(claims.userId, code))) return { next: 'refused', reason: 'wrong-code' };
  return { next: 'session', ticket: signStep('ticket', claims, authSecret()) };
}

/** The account a ticket names, if it still may sign in: what the session is made of. */
export async function redeemTicket(ticket: unknown): Promise<{ id: string; email: string; name: string; sessionVersion: number } | null> {
  const claims = readStep('ticket', ticket, authSecret());
  if (!claims) return null;
  const state = await readSignInState(claims.userId);
  if (!state || state.sessionVersion !== claims.sessionVersion || !state.active) return null;
  return { id: claims.userId, email: state.email, name: state.name, sessionVersion: state.sessionVersion };
}
