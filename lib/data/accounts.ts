import 'server-only';
import { prisma } from '@/lib/db/client';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { isUniqueViolation } from '@/lib/db/errors';
import { AppError, isAppError } from '@/lib/errors';
import { auditOwnAccount } from './audit';
import { consumeEmailToken, peekEmailToken } from './email-tokens';
import { refillAccount } from './sign-in-throttle';

/** A customer organisation and its first administrator, created together or not at all. */
export async function createCustomerAccount(input: {
  organisation: string;
  domain: string;
  name: string;
  email: string;
  password: string;
  /** The language the person's emails are written in. */
  locale?: 'en' | 'fr';
}): Promise<{ ok: true; userId: string } | { ok: false; taken: 'email' | 'domain' }> {
  if (await prisma.user.findUnique({ where: { email: input.email }, select: { id: true } })) return { ok: false, taken: 'email' };
  // A domain is only claimed until verified: several organisations may claim one, none may claim one already verified.
  if (await prisma.customer.findUnique({ where: { verifiedDomain: input.domain }, select: { id: true } })) return { ok: false, taken: 'domain' };
  const passwordHash = await hashPassword(input.password);
  try {
    return await prisma.$transaction(async (tx) => {
      const customer = await tx.customer.create({ data: { name: input.organisation, domain: input.domain }, select: { id: true } });
      const user = await tx.user.create({
        data: { email: input.email, name: input.name, passwordHash, role: 'CUSTOMER_ADMIN', customerId: customer.id, locale: input.locale ?? 'en' },
        select: { id: true },
      });
      await tx.auditEvent.create({
        data: {
          actorId: user.id,
          actorEmail: input.email,
          customerId: customer.id,
          action: 'customer.created',
          targetType: 'Customer',
          targetId: customer.id,
          details: JSON.stringify({ customerName: input.organisation, domain: input.domain }),
        },
      });
      return { ok: true as const, userId: user.id };
    });
  } catch (error) {
    // Someone took the email or the domain a moment ago.
    if (isUniqueViolation(error)) return { ok: false, taken: 'email' };
    throw error;
  }
}

/**
 * Replaces a user's password hash with one made with today's parameters, only
 * if the stored hash is still the one that was checked: a password changed
 * meanwhile is never overwritten. Whether the hash was replaced.
 */
export async function upgradePasswordHash(userId: string, oldHash: string, newHash: string): Promise<boolean> {
  const { count } = await prisma.user.updateMany({ where: { id: userId, passwordHash: oldHash }, data: { passwordHash: newHash } });
  return count === 1;
}

/** What signing in needs of an account: its id, name and password hash; null for an unknown email. */
export async function findUserForSignIn(
  email: string,
): Promise<{ id: string; email: string; name: string; passwordHash: string | null; sessionVersion: number; deactivatedAt: Date | null; mfaEnabled: boolean } | null> {
  const user = await prisma.user.findUnique({ where: { email }, select: { id: true, email: true, name: true, passwordHash: true, sessionVersion: true, deactivatedAt: true, mfaEnabledAt: true } });
  if (!user) return null;
  const { mfaEnabledAt, ...rest } = user;
  return { ...rest, mfaEnabled: mfaEnabledAt !== null };
}

/** Ends every session of the account (each carries the version it was made under). */
export async function endSessions(userId: string): Promise<void> {
  await prisma.user.updateMany({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
}

/** The person an invitation or reset link is for, while it may be used: what its page shows. */
export async function personForLink(token: string, purpose: 'invitation' | 'reset-password'): Promise<{ email: string; name: string; organisation: string }> {
  const { userId } = await peekEmailToken(token, purpose);
  const user = await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, name: true, deactivatedAt: true, partner: { select: { name: true } }, customer: { select: { name: true } } } });
  if (user.deactivatedAt) throw new AppError('CONFLICT', 'This account is deactivated.', { reason: 'deactivated' });
  return { email: user.email, name: user.name, organisation: user.partner?.name ?? user.customer?.name ?? '' };
}

/** The person a link is for, or why the link cannot be used ('invalid', 'used', 'expired', 'deactivated'): what its page shows. */
export async function lookUpLink(token: string, purpose: 'invitation' | 'reset-password'): Promise<{ ok: true; person: { email: string; name: string; organisation: string } } | { ok: false; problem: 'invalid' | 'used' | 'expired' | 'deactivated' }> {
  try {
    return { ok: true, person: await personForLink(token, purpose) };
  } catch (error) {
    if (!isAppError(error) || error.code !== 'CONFLICT') throw error;
    const reason = error.details.reason;
    return { ok: false, problem: reason === 'used' || reason === 'expired' || reason === 'deactivated' ? reason : 'invalid' };
  }
}

/**
 * Sets the password from an emailed link (an invitation, or a reset): the
 * link is used up, the address counts as verified (the link was read
 * there), every session of the account ends, and its sign-in attempts are
 * refilled, so that whoever emptied them locks its owner out no longer.
 */
export async function setPasswordWithLink(token: string, purpose: 'invitation' | 'reset-password', password: string, name?: string): Promise<{ userId: string; email: string }> {
  const passwordHash = await hashPassword(password);
  const user = await prisma.$transaction(async (tx) => {
    const { userId } = await consumeEmailToken(tx, token, purpose);
    const now = new Date();
    const { count } = await tx.user.updateMany({
      where: { id: userId, deactivatedAt: null },
      data: { passwordHash, sessionVersion: { increment: 1 }, ...(name && { name }) },
    });
    if (count === 0) throw new AppError('CONFLICT', 'This account is deactivated.', { reason: 'deactivated' });
    await tx.user.updateMany({ where: { id: userId, emailVerifiedAt: null }, data: { emailVerifiedAt: now } });
    await auditOwnAccount(userId, purpose === 'invitation' ? 'user.joined' : 'user.password-reset', {}, tx);
    return tx.user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, email: true } });
  });
  await refillAccount(user.email, user.id);
  return { userId: user.id, email: user.email };
}

/**
 * Changes a signed-in person's password, given the current one. Every
 * session of the account ends, the caller's too: they sign in again.
 */
export async function changePassword(userId: string, current: string, next: string): Promise<void> {
  const user = await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true } });
  // An account that signs in only with single sign-on has no current password to give.
  if (user.passwordHash !== null && !(await verifyPassword(current, user.passwordHash))) {
    throw new AppError('INVALID_INPUT', 'The current password is not right.', { fields: ['current'], reason: 'wrong-password' });
  }
  const passwordHash = await hashPassword(next);
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({ where: { id: userId, passwordHash: user.passwordHash }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    if (count === 0) throw new AppError('CONFLICT', 'The password was changed meanwhile.', { reason: 'changed' });
    await auditOwnAccount(userId, 'user.password-changed', {}, tx);
  });
}

/** Whether the account has a password (an invited person who signed in with single sign-on may have none). */
export async function hasPassword(userId: string): Promise<boolean> {
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
  return Boolean(user?.passwordHash);
}
