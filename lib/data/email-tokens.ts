/**
 * Single-use links sent by email: 256 random bits, only their SHA-256
 * stored, expiring. Using one is a guarded update: of two uses at once,
 * one wins.
 */
import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { isWellFormedToken } from '@/lib/consent/tokens';
import { prisma } from '@/lib/db/client';
import { AppError } from '@/lib/errors';

export type EmailTokenPurpose = 'verify-email';

/** How long a verification link works. */
export const VERIFY_EMAIL_HOURS = 48;

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

export async function issueEmailToken(userId: string, purpose: EmailTokenPurpose, hours = VERIFY_EMAIL_HOURS): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await prisma.emailToken.create({ data: { userId, purpose, tokenHash: hashOf(token), expiresAt: new Date(Date.now() + hours * 60 * 60 * 1000) } });
  return token;
}

/** Verifies the address the token was sent to; AppError('CONFLICT') with the reason when it cannot be used. */
export async function verifyEmailWithToken(token: string): Promise<{ userId: string }> {
  if (!isWellFormedToken(token)) throw new AppError('CONFLICT', 'This link is not valid.', { reason: 'invalid' });
  return prisma.$transaction(async (tx) => {
    const row = await tx.emailToken.findUnique({ where: { tokenHash: hashOf(token) }, select: { id: true, userId: true, purpose: true, expiresAt: true, usedAt: true } });
    if (!row || row.purpose !== 'verify-email') throw new AppError('CONFLICT', 'This link is not valid.', { reason: 'invalid' });
    if (row.usedAt) throw new AppError('CONFLICT', 'This link was used.', { reason: 'used' });
    const now = new Date();
    if (row.expiresAt <= now) throw new AppError('CONFLICT', 'This link has expired.', { reason: 'expired' });
    const { count } = await tx.emailToken.updateMany({ where: { id: row.id, usedAt: null }, data: { usedAt: now } });
    if (count === 0) throw new AppError('CONFLICT', 'This link was used.', { reason: 'used' });
    await tx.user.updateMany({ where: { id: row.userId, emailVerifiedAt: null }, data: { emailVerifiedAt: now } });
    await tx.auditEvent.create({ data: { actorId: row.userId, action: 'email.verified', targetType: 'User', targetId: row.userId, details: '{}' } });
    return { userId: row.userId };
  });
}
