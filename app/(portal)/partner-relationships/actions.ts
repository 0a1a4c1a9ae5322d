'use server';

import { revalidatePath } from 'next/cache';
import { getActor, isCustomerAdmin } from '@/lib/auth/actor';
import { removeRelationshipAsCustomer } from '@/lib/data/relationships';

/** The customer administrator removes a partner's access, at once. */
export async function removePartnerAction(relationshipId: string): Promise<{ ok: boolean }> {
  const actor = await getActor();
  if (!isCustomerAdmin(actor) || typeof relationshipId !== 'string') return { ok: false };
  const outcome = await removeRelationshipAsCustomer(actor, relationshipId);
  revalidatePath('/partner-relationships');
  return { ok: outcome === 'removed' };
}
