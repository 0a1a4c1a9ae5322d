/**
 * The first partner admin of a production install: a partner organisation
 * (CSP or OEM) and its admin agent, who can then sign in. Never used by the
 * demo, which has its own seed.
 */
import { z } from 'zod';
import { hashPassword } from '@/lib/auth/password';
import { withPasswordRules } from '@/lib/auth/password-rules';
import { authSecret } from '@/lib/auth/secret';
import { newLinkToken } from '@/lib/consent/tokens';
import { isUniqueViolation } from '@/lib/db/errors';
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';

export const partnerAdminInput = withPasswordRules(
  z.object({
    partner: z.string().trim().min(2).max(200),
    kind: z.enum(['CSP', 'OEM']),
    email: z.string().trim().toLowerCase().pipe(z.email()).pipe(z.string().max(254)),
    name: z.string().trim().min(1).max(200),
    password: z.string(),
  }),
);
export type PartnerAdminInput = z.infer<typeof partnerAdminInput>;

/**
 * A partner's relationship link is made with the partner (here, and by the
 * demo seed), so that showing it never writes. A partner that has one keeps it.
 */
export async function makeFirstRelationshipLink(db: Pick<Prisma.TransactionClient, 'partner'>, partnerId: string): Promise<void> {
  const link = newLinkToken(authSecret(), partnerId);
  await db.partner.updateMany({ where: { id: partnerId, linkNonce: null }, data: { linkNonce: link.nonce, linkTokenHash: link.hash, linkCreatedAt: new Date() } });
}

export async function createPartnerAdmin(db: PrismaClient, raw: unknown) {
  const input = partnerAdminInput.parse(raw);
  if (await db.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
    throw new Error(`A user with the email ${input.email} already exists.`);
  }
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.$transaction(async (tx) => {
      const partner =
        (await tx.partner.findFirst({ where: { name: input.partner, kind: input.kind }, select: { id: true } })) ??
        (await tx.partner.create({ data: { name: input.partner, kind: input.kind }, select: { id: true } }));
      await makeFirstRelationshipLink(tx, partner.id);
      const user = await tx.user.create({
        // The operator who runs admin:create vouches for the address.
          data: { email: input.email, name: input.name, passwordHash, role: 'PARTNER_ADMIN', partnerId: partner.id, emailVerifiedAt: new Date() },
        select: { id: true, email: true },
      });
      await tx.auditEvent.create({
        data: {
          partnerId: partner.id,
          action: 'partner-admin.created',
          targetType: 'User',
          targetId: user.id,
          details: JSON.stringify({ email: user.email, by: 'command line' }),
        },
      });
      return { partnerId: partner.id, userId: user.id };
    });
  } catch (error) {
    // Someone created that user a moment ago.
    if (isUniqueViolation(error)) throw new Error(`A user with the email ${input.email} already exists.`);
    throw error;
  }
}
