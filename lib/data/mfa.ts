/**
 * A person's second factor as the database keeps it: the authenticator
 * secret (encrypted; pending until confirmed with a code), the last time
 * step accepted, and recovery codes (their SHA-256 only). Every use is a
 * guarded update: of two sign-ins racing with one code, one wins.
 */
import 'server-only';
import { prisma } from '@/lib/db/client';
import { acceptedStep, decryptSecret, encryptSecret, looksLikeRecoveryCode, newAuthenticatorSecret, newRecoveryCodes, recoveryCodeHash } from '@/lib/auth/mfa';
import { authSecret } from '@/lib/auth/secret';
import { AppError } from '@/lib/errors';
import { auditOwnAccount } from './audit';

export interface MfaState {
  enabled: boolean;
  /** Recovery codes not used yet. */
  recoveryCodesLeft: number;
  /** Whether the person's partner requires a second factor of every agent. */
  required: boolean;
}

export async function mfaState(userId: string): Promise<MfaState> {
  const user = await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { mfaEnabledAt: true, partner: { select: { requireMfa: true } } } });
  const recoveryCodesLeft = await prisma.recoveryCode.count({ where: { userId, usedAt: null } });
  return { enabled: user.mfaEnabledAt !== null, recoveryCodesLeft, required: user.partner?.requireMfa ?? false };
}

/**
 * The secret to set up an authenticator app with: the pending one, or a new
 * one kept pending until a code confirms the app has it. Of two pages
 * opened at once, both show the same secret. Null when one is already set up.
 */
export async function mfaEnrolmentSecret(userId: string): Promise<string | null> {
  const read = async () => {
    const user = await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { mfaSecret: true, mfaEnabledAt: true } });
    if (user.mfaEnabledAt) return { enabled: true as const };
    return { enabled: false as const, secret: user.mfaSecret ? decryptSecret(user.mfaSecret, authSecret()) : null };
  };
  const now = await read();
  if (now.enabled) return null;
  if (now.secret) return now.secret;
  await prisma.user.updateMany({ where: { id: userId, mfaEnabledAt: null, mfaSecret: null }, data: { mfaSecret: encryptSecret(newAuthenticatorSecret(), authSecret()), mfaLastStep: null } });
  const after = await read();
  return after.enabled ? null : after.secret;
}

async function replaceRecoveryCodes(userId: string): Promise<string[]> {
  const codes = newRecoveryCodes();
  await prisma.$transaction([
    prisma.recoveryCode.deleteMany({ where: { userId } }),
    prisma.recoveryCode.createMany({ data: codes.map((code) => ({ userId, codeHash: recoveryCodeHash(code) })) }),
  ]);
  return codes;
}

/** Confirms the pending secret with a code from the app; the recovery codes, shown once. */
export async function confirmMfaEnrolment(userId: string, code: string): Promise<string[]> {
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { mfaSecret: true, mfaEnabledAt: true } });
  if (!user?.mfaSecret || user.mfaEnabledAt) throw new AppError('CONFLICT', 'There is no set-up to confirm.', { reason: 'no-enrolment' });
  const step = await acceptedStep(decryptSecret(user.mfaSecret, authSecret()), code, null);
  if (step === null) throw new AppError('INVALID_INPUT', 'The code is not right.', { fields: ['code'], reason: 'wrong-code' });
  const { count } = await prisma.user.updateMany({ where: { id: userId, mfaSecret: user.mfaSecret, mfaEnabledAt: null }, data: { mfaEnabledAt: new Date(), mfaLastStep: step } });
  if (count === 0) throw new AppError('CONFLICT', 'There is no set-up to confirm.', { reason: 'no-enrolment' });
  await auditOwnAccount(userId, 'user.mfa-enabled');
  return replaceRecoveryCodes(userId);
}

/** New recovery codes (the old ones stop working), shown once. */
export async function renewRecoveryCodes(userId: string): Promise<string[]> {
  const user = await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { mfaEnabledAt: true } });
  if (!user.mfaEnabledAt) throw new AppError('CONFLICT', 'Multifactor authentication is not set up.', { reason: 'mfa-disabled' });
  await auditOwnAccount(userId, 'user.recovery-codes-renewed');
  return replaceRecoveryCodes(userId);
}

/**
 * Turns the second factor off, with a code to prove the person still holds
 * it. Refused while the person's partner requires it.
 */
export async function disableMfa(userId: string, code: string): Promise<void> {
  const state = await mfaState(userId);
  if (!state.enabled) return;
  if (state.required) throw new AppError('FORBIDDEN', 'Your organisation requires multifactor authentication.', { reason: 'mfa-required' });
  if (!(await consumeSecondFactor(userId, code))) throw new AppError('INVALID_INPUT', 'The code is not right.', { fields: ['code'], reason: 'wrong-code' });
  await prisma.$transaction([
    prisma.user.update({ where: { id: userId }, data: { mfaSecret: null, mfaEnabledAt: null, mfaLastStep: null } }),
    prisma.recoveryCode.deleteMany({ where: { userId } }),
  ]);
  await auditOwnAccount(userId, 'user.mfa-disabled');
}

/**
 * Whether `code` is the person's second factor now: a code from the app
 * (never the same time step twice) or an unused recovery code (then used
 * up). Each is consumed by a guarded update.
 */
export async function consumeSecondFactor(userId: string, code: string): Promise<boolean> {
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { mfaSecret: true, mfaEnabledAt: true, mfaLastStep: true } });
  if (!user?.mfaSecret || !user.mfaEnabledAt) return false;
  if (looksLikeRecoveryCode(code)) {
    const { count } = await prisma.recoveryCode.updateMany({ where: { userId, codeHash: recoveryCodeHash(code), usedAt: null }, data: { usedAt: new Date() } });
    if (count === 1) await auditOwnAccount(userId, 'user.recovery-code-used');
    return count === 1;
  }
  const step = await acceptedStep(decryptSecret(user.mfaSecret, authSecret()), code, user.mfaLastStep);
  if (step === null) return false;
  const { count } = await prisma.user.updateMany({
    where: { id: userId, mfaEnabledAt: { not: null }, OR: [{ mfaLastStep: null }, { mfaLastStep: { lt: step } }] },
    data: { mfaLastStep: step },
  });
  return count === 1;
}

/** A partner's rule that every agent signs in with a second factor. */
export async function setPartnerRequiresMfa(partnerId: string, required: boolean, actor: { userId: string; email: string }): Promise<void> {
  // The admin who requires it has it first: requiring it must not lock its author out of the page they are on.
  if (required && !(await mfaState(actor.userId)).enabled) {
    throw new AppError('CONFLICT', 'Set up your own multifactor authentication first.', { reason: 'set-up-own-first' });
  }
  await prisma.$transaction([
    prisma.partner.update({ where: { id: partnerId }, data: { requireMfa: required } }),
    prisma.auditEvent.create({
      data: { actorId: actor.userId, actorEmail: actor.email, partnerId, action: required ? 'partner.mfa-required' : 'partner.mfa-optional', targetType: 'Partner', targetId: partnerId, details: '{}' },
    }),
  ]);
}
