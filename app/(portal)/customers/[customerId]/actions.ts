'use server';

import { getActor, isPartnerActor } from '@/lib/auth/actor';
import { removeRelationshipAsPartner } from '@/lib/data/relationships';

export type RemoveRelationshipResult = { status: 'removed' } | { status: 'refused'; reason: 'not-signed-in' | 'forbidden' | 'not-found' };

/** The partner removes its relationship with the customer: admin agents only. */
export async function removeRelationshipAction(customerId: string): Promise<RemoveRelationshipResult> {
  const actor = await getActor();
  if (!actor) return { status: 'refused', reason: 'not-signed-in' };
  if (!isPartnerActor(actor) || typeof customerId !== 'string') return { status: 'refused', reason: 'forbidden' };
  const outcome = await removeRelationshipAsPartner(actor, customerId);
  if (outcome !== 'removed') return { status: 'refused', reason: outcome };
  // No revalidation here: this customer's page would turn into a 404 under the open
  // dialog. The dialog closes, then the browser goes to the Customers list, which is
  // rendered afresh.
  return { status: 'removed' };
}
