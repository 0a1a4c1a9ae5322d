import 'server-only';
import { prisma } from '@/lib/db/client';
import { hashPassword } from '@/lib/auth/password';
import { isUniqueViolation } from '@/lib/db/errors';

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
  if (await prisma.customer.findUnique({ where: { domain: input.domain }, select: { id: true } })) return { ok: false, taken: 'domain' };
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
export function findUserForSignIn(email: string): Promise<{ id: string; email: string; name: string; passwordHash: string; sessionVersion: number } | null> {
  return prisma.user.findUnique({ where: { email }, select: { id: true, email: true, name: true, passwordHash: true, sessionVersion: true } });
}

/** Ends every session of the account (each carries the version it was made under). */
export async function endSessions(userId: string): Promise<void> {
  await prisma.user.updateMany({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
}
