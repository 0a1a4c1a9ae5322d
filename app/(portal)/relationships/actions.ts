'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { agentAction, agentFormAction } from '@/lib/actions/action';
import { cancelInvitation, createInvitation, renewRelationshipLink } from '@/lib/data/relationships';

/** A new relationship link (the first, or a replacement: the old one stops working). */
export const renewLinkAction = agentAction({
  input: z.object({}),
  permission: 'relationships:manage',
  run: async (_input, principal) => {
    await renewRelationshipLink(principal);
    revalidatePath('/relationships');
    return null;
  },
});

export const createInvitationAction = agentFormAction({
  fields: ['organisationName', 'adminEmail'],
  input: z.object({
    organisationName: z.string().trim().min(2).max(200),
    adminEmail: z.string().trim().toLowerCase().pipe(z.email()).pipe(z.string().max(254)),
  }),
  permission: 'relationships:invite',
  run: async (input, principal) => {
    await createInvitation(principal, input);
    revalidatePath('/relationships');
    return { organisationName: input.organisationName };
  },
});

export const cancelInvitationAction = agentAction({
  input: z.object({ invitationId: z.string().min(1).max(64) }),
  permission: 'relationships:invite',
  run: async ({ invitationId }, principal) => {
    await cancelInvitation(principal, invitationId);
    revalidatePath('/relationships');
    return null;
  },
});
