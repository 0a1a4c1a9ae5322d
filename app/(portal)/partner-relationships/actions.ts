'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { customerAdminAction } from '@/lib/actions/action';
import { removeRelationshipAsCustomer } from '@/lib/data/relationships';

/** The customer administrator removes a partner's access, at once. */
export const removePartnerAction = customerAdminAction({
  input: z.object({ relationshipId: z.string().min(1).max(64) }),
  run: async ({ relationshipId }, admin) => {
    await removeRelationshipAsCustomer(admin, relationshipId);
    revalidatePath('/partner-relationships');
    return null;
  },
});
