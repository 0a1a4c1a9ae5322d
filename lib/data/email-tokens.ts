/**
 * Single-use links sent by email: 256 random bits, only their SHA-256
 * stored, expiring. Using one is a guarded update: of two uses at once,
 * one wins.
 */
import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { isWellFormedToken } from '@/lib/consent/tokens';
import { prisma } from '@/lib/db/client';
import type { Prisma } from '@/lib/generated/prisma/client';
import { AppError } from '@/lib/errors';
import { auditOwnAccount } from './audit';

/** What a link does: confirm an address, join an organisation one was invited to, set a new password. */
export type EmailTokenPurpose = 'verify-email' | 'invitation' | 'reset-password';

/** How long each kind of link works, in hours. */
export const EMAIL_TOKEN_HOURS: Record<EmailTokenPurpose, number> = { 'verify-email': 48, invitation: 7 * 24, 'reset-password': 1 };
/** How long a verification link works. */
export const VERIFY_EMAIL_HOURS = EMAIL_TOKEN_HOURS['verify-email'];

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

type Db = Prisma.TransactionClient | typeof prisma;

export async function issueEmailToken(userId: string, purpose: EmailTokenPurpose, db: Db = prisma): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db.emailToken.create({ data: { userId, purpose, tokenHash: hashOf(token), expiresAt: new Date(Date.now() + EMAIL_TOKEN_HOURS[purpose] * 60 * 60 * 1000) } });
  return token;
}

/** When the last link of `purpose` was sent to the person, to send no more than one a minute. */
export async function lastEmailTokenAt(userId: string, purpose: EmailTokenPurpose): Promise<Date | null> {
  const row = await prisma.emailToken.findFirst({ where: { userId, purpose }, orderBy: { createdAt: 'desc' }, select: { createdAt: true } });
  return row?.createdAt ?? null;
}

const refused = (reason: 'invalid' | 'used' | 'expired') =>
  new AppError('CONFLICT', { invalid: 'This link is not valid.', used: 'This link was used.', expired: 'This link has expired.' }[reason], { reason });

/** The person a link of `purpose` is for, while it may still be used (nothing is changed); AppError('CONFLICT') with the reason otherwise. */
export async function peekEmailToken(token: string, purpose: EmailTokenPurpose, db: Db = prisma): Promise<{ id: string; userId: string }> {
  if (!isWellFormedToken(token)) throw refused('invalid');
  const row = await db.emailToken.findUnique({ where: { tokenHash: hashOf(token) }, select: { id: true, userId: true, purpose: true, expiresAt: true, usedAt: true } });
  if (!row || row.purpose !== purpose) throw refused('invalid');
  if (row.usedAt) throw refused('used');
  if (row.expiresAt <= new Date()) throw refused('expired');
  return { id: row.id, userId: row.userId };
}

/** Uses a link up, inside the caller's transaction: the person it is for. */
export async function consumeEmailToken(tx: Prisma.TransactionClient, token: string, purpose: EmailTokenPurpose): Promise<{ userId: string }> {
  const row = await peekEmailToken(token, purpose, tx);
  const { count } = await tx.emailToken.updateMany({ where: { id: row.id, usedAt: null }, data: { usedAt: new Date() } });
  if (count === 0) throw refused('used');
  return { userId: row.userId };
}

/** Verifies the address the token was sent to; AppError('CONFLICT') with the reason when it cannot be used. */
export async function verifyEmailWithToken(token: string): Promise<{ userId: string }> {
  return prisma.$transaction(async (tx) => {
    const { userId } = await consumeEmailToken(tx, token, 'verify-email');
    await tx.user.updateMany({ where: { id: userId, emailVerifiedAt: null }, data: { emailVerifiedAt: new Date() } });
    await auditOwnAccount(userId, 'email.verified', {}, tx);
    return { userId };
  });
}
