'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { customerAdminAction } from '@/lib/actions/action';
import { removeRelationshipAsCustomer } from '@/lib/data/relationships';
import { portalOrigin } from '@/lib/portal-origin';
import { sendRelationshipNotice } from '@/lib/services/notices';

/** The customer administrator removes a partner's access, at once. */
export const removePartnerAction = customerAdminAction({
  input: z.object({ relationshipId: z.string().min(1).max(64) }),
  run: async ({ relationshipId }, admin) => {
    const removed = await removeRelationshipAsCustomer(admin, relationshipId);
    await sendRelationshipNotice('removedByCustomer', { ...removed, customerId: admin.customerId, customerName: admin.customerName }, await portalOrigin());
    revalidatePath('/partner-relationships');
    return null;
  },
});
