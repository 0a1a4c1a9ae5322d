/**
 * The audit record of something a person did to their own account (joined,
 * verified their address, changed their password or second factor, linked
 * single sign-on): written once, with the account's email and organisation
 * read from the database, inside the caller's transaction when it has one.
 */
import 'server-only';
import { prisma } from '@/lib/db/client';
import type { Prisma } from '@/lib/generated/prisma/client';

export async function auditOwnAccount(userId: string, action: string, details: Record<string, unknown> = {}, db: Prisma.TransactionClient | typeof prisma = prisma): Promise<void> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, partnerId: true, customerId: true } });
  await db.auditEvent.create({
    data: { actorId: userId, actorEmail: user.email, partnerId: user.partnerId, customerId: user.customerId, action, targetType: 'User', targetId: userId, details: JSON.stringify(details) },
  });
}
