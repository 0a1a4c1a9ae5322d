import 'server-only';
import { prisma } from '@/lib/db/client';
import type { RelationshipKind } from '@/lib/auth/permissions';

/**
 * Whether a partner may act for a customer now: an active relationship
 * (of the given kind, when one is required). Listings check it once, then
 * read by index alone: a relationship test repeated on each of 100,000 rows
 * would cost more than the page.
 */
export async function hasActiveRelationship(partnerId: string, customerId: string, kind?: RelationshipKind): Promise<boolean> {
  const relationship = await prisma.relationship.findFirst({
    where: { partnerId, customerId, status: 'ACTIVE', ...(kind && { kind }) },
    select: { id: true },
  });
  return relationship !== null;
}
