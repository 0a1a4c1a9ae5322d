import 'server-only';
import { prisma } from '@/lib/db/client';
import { isUniqueViolation } from '@/lib/db/errors';
import type { ApiCaller } from './api';

export function findIdempotent(caller: ApiCaller, key: string) {
  return prisma.idempotencyRecord.findUnique({ where: { partnerId_key: { partnerId: caller.partnerId, key } } });
}

/** Remembers a create's answer under its key; a concurrent twin keeps the first one remembered. */
export async function rememberIdempotent(
  caller: ApiCaller,
  key: string,
  requestHash: string,
  response: { status: number; location: string | null; body: string },
): Promise<void> {
  try {
    await prisma.idempotencyRecord.create({ data: { partnerId: caller.partnerId, key, requestHash, ...response } });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
}
