'use server';

import { z } from 'zod';
import { agentAction } from '@/lib/actions/action';
import { removeRelationshipAsPartner } from '@/lib/data/relationships';
import { portalOrigin } from '@/lib/portal-origin';
import { sendRelationshipNotice } from '@/lib/services/notices';

/** The partner removes its relationship with the customer: admin agents only. */
export const removeRelationshipAction = agentAction({
  input: z.object({ customerId: z.string().min(1).max(64) }),
  permission: 'relationships:remove',
  run: async ({ customerId }, principal) => {
    const removed = await removeRelationshipAsPartner(principal, customerId);
    const facts = { ...removed, customerId, partnerId: principal.partnerId, partnerName: principal.partnerName };
    await sendRelationshipNotice('removedByPartner', facts, await portalOrigin());
    // No revalidation here: this customer's page would turn into a 404 under the open
    // dialog. The dialog closes, then the browser goes to the Customers list, which is
    // rendered afresh.
    return null;
  },
});
