import 'server-only';
import { prisma } from '@/lib/db/client';
import { formatScopes, parseScopes, type ApiScope } from '@/lib/auth/permissions';
import type { AgentPrincipal, ApiKeyPrincipal } from '@/lib/auth/principal';
import { apiKeyHash, newApiKey } from '@/lib/auth/api-keys';
import { isStorageUnavailable } from '@/lib/db/errors';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { forgetFull, takeToken, type TakeResult } from './buckets';

export interface ApiKeyRow {
  id: string;
  name: string;
  prefix: string;
  scopes: ApiScope[];
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** How often a key's last use is written: the keys page shows it to the minute. */
export const LAST_USE_EVERY_MS = 60_000;

/**
 * Records that a key was used, at most once a minute and off the request's
 * path: a read needs no write, and a database that refuses writes (full, or
 * read-only) fails no request for it.
 */
function noteUse(keyId: string, lastUsedAt: Date | null, now = new Date()): void {
  if (lastUsedAt && now.getTime() - lastUsedAt.getTime() < LAST_USE_EVERY_MS) return;
  const earlier = new Date(now.getTime() - LAST_USE_EVERY_MS);
  prisma.apiKey
    .updateMany({ where: { id: keyId, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: earlier } }] }, data: { lastUsedAt: now } })
    .catch((error: unknown) => console.warn('Could not record an API key’s last use.', error));
}

/** The principal of a live, unrevoked key, read from the database on every request; null for anything else. */
export async function principalForApiKey(key: string): Promise<ApiKeyPrincipal | null> {
  const row = await prisma.apiKey.findUnique({
    where: { keyHash: apiKeyHash(key) },
    select: { id: true, name: true, scopes: true, revokedAt: true, lastUsedAt: true, partner: { select: { id: true, name: true, kind: true } } },
  });
  if (!row || row.revokedAt) return null;
  noteUse(row.id, row.lastUsedAt);
  return {
    type: 'api-key',
    keyId: row.id,
    keyName: row.name,
    scopes: parseScopes(row.scopes),
    partnerId: row.partner.id,
    partnerName: row.partner.name,
    partnerKind: row.partner.kind,
  };
}

/**
 * One request of a key against its rate limit (API_RATE_LIMIT: a burst of
 * `capacity`, then `perSecond` more each second), counted in the database so
 * that every instance of the portal counts the same requests.
 */
export async function takeApiRequest(keyId: string, now = new Date()): Promise<TakeResult> {
  const rule = env().API_RATE_LIMIT;
  try {
    const result = await takeToken(`api:${keyId}`, rule, now);
    if (Math.random() < 0.01) await forgetFull('api:', rule, now);
    return result;
  } catch (error) {
    // A database that refuses writes (full, read-only) still answers reads: the count is skipped, not the request.
    if (!isStorageUnavailable(error)) throw error;
    console.warn('The database could not count an API request; it is answered uncounted.', error);
    return { ok: true };
  }
}

/** The partner's keys. The caller has checked 'api-keys:manage'. */
export async function listApiKeys(principal: AgentPrincipal): Promise<ApiKeyRow[]> {
  const keys = await prisma.apiKey.findMany({ where: { partnerId: principal.partnerId }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] });
  return keys.map((k) => ({
    id: k.id,
    name: k.name,
    prefix: k.prefix,
    scopes: parseScopes(k.scopes),
    createdAt: k.createdAt.toISOString(),
    lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
    revokedAt: k.revokedAt?.toISOString() ?? null,
  }));
}

/** A new key for the partner. The key itself is returned once and never stored. */
export async function createApiKey(principal: AgentPrincipal, input: { name: string; scopes: ApiScope[] }): Promise<{ id: string; key: string }> {
  if (input.scopes.length === 0) throw new AppError('INVALID_INPUT', 'A key needs at least one scope.', { fields: ['scopes'] });
  const { key, prefix, hash } = newApiKey();
  const scopes = formatScopes(input.scopes);
  const created = await prisma.$transaction(async (tx) => {
    const row = await tx.apiKey.create({
      data: { partnerId: principal.partnerId, name: input.name, prefix, keyHash: hash, scopes, createdById: principal.userId },
      select: { id: true },
    });
    await tx.auditEvent.create({
      data: {
        actorId: principal.userId,
        actorEmail: principal.email,
        partnerId: principal.partnerId,
        action: 'api-key.created',
        targetType: 'ApiKey',
        targetId: row.id,
        details: JSON.stringify({ name: input.name, prefix, scopes }),
      },
    });
    return row;
  });
  return { id: created.id, key };
}

/** Revokes one of the partner's live keys, or AppError('NOT_FOUND'). */
export async function revokeApiKey(principal: AgentPrincipal, id: string): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.apiKey.updateMany({ where: { id, partnerId: principal.partnerId, revokedAt: null }, data: { revokedAt: new Date() } });
    if (count === 0) throw new AppError('NOT_FOUND', 'No such key.');
    await tx.auditEvent.create({
      data: { actorId: principal.userId, actorEmail: principal.email, partnerId: principal.partnerId, action: 'api-key.revoked', targetType: 'ApiKey', targetId: id, details: '{}' },
    });
  });
}
