import 'server-only';
import { prisma } from '@/lib/db/client';
import type { PartnerActor } from '@/lib/auth/actor';
import { newApiKey } from '@/lib/api/keys';

export interface ApiKeyRow {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export async function listApiKeys(actor: PartnerActor): Promise<ApiKeyRow[]> {
  if (actor.role !== 'PARTNER_ADMIN') return [];
  const keys = await prisma.apiKey.findMany({ where: { partnerId: actor.partnerId }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] });
  return keys.map((k) => ({
    id: k.id,
    name: k.name,
    prefix: k.prefix,
    createdAt: k.createdAt.toISOString(),
    lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
    revokedAt: k.revokedAt?.toISOString() ?? null,
  }));
}

/** A new key for the partner: admin agents only. The key itself is returned once and never stored. */
export async function createApiKey(actor: PartnerActor, name: string): Promise<{ id: string; key: string } | null> {
  if (actor.role !== 'PARTNER_ADMIN') return null;
  const { key, prefix, hash } = newApiKey();
  const created = await prisma.$transaction(async (tx) => {
    const row = await tx.apiKey.create({ data: { partnerId: actor.partnerId, name, prefix, keyHash: hash, createdById: actor.userId }, select: { id: true } });
    await tx.auditEvent.create({
      data: { actorId: actor.userId, actorEmail: actor.email, partnerId: actor.partnerId, action: 'api-key.created', targetType: 'ApiKey', targetId: row.id, details: JSON.stringify({ name, prefix }) },
    });
    return row;
  });
  return { id: created.id, key };
}

export async function revokeApiKey(actor: PartnerActor, id: string): Promise<boolean> {
  if (actor.role !== 'PARTNER_ADMIN') return false;
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.apiKey.updateMany({ where: { id, partnerId: actor.partnerId, revokedAt: null }, data: { revokedAt: new Date() } });
    if (count === 0) return false;
    await tx.auditEvent.create({
      data: { actorId: actor.userId, actorEmail: actor.email, partnerId: actor.partnerId, action: 'api-key.revoked', targetType: 'ApiKey', targetId: id, details: '{}' },
    });
    return true;
  });
}
