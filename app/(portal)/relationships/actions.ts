'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { agentAction, agentFormAction } from '@/lib/actions/action';
import { getLocale } from 'next-intl/server';
import { isLang } from '@/lib/autopilot';
import { cancelInvitation, renewRelationshipLink } from '@/lib/data/relationships';
import { portalOrigin } from '@/lib/portal-origin';
import { inviteCustomer } from '@/lib/services/invitations';

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
    const locale = await getLocale();
    const invited = await inviteCustomer(principal, { ...input, locale: isLang(locale) ? locale : 'en' }, await portalOrigin());
    revalidatePath('/relationships');
    return { organisationName: input.organisationName, adminEmail: input.adminEmail, mail: invited.mail };
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
