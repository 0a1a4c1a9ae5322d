'use server';

import { revalidatePath } from 'next/cache';
import { getLocale } from 'next-intl/server';
import { z } from 'zod';
import { agentAction, signedInAction, signedInFormAction } from '@/lib/actions/action';
import { isLang } from '@/lib/autopilot';
import { changeMemberRole, deactivateMember, reactivateMember } from '@/lib/data/members';
import { setPartnerRequiresMfa } from '@/lib/data/mfa';
import { AppError } from '@/lib/errors';
import { portalOrigin } from '@/lib/portal-origin';
import { invitePerson, peopleAdminOf, resendPersonInvitation } from '@/lib/services/people';

const email = z.string().trim().toLowerCase().pipe(z.email()).pipe(z.string().max(254));

/** Invites a colleague by email: an admin or sales agent for a partner, an administrator for a customer. */
export const invitePersonAction = signedInFormAction({
  fields: ['email', 'name', 'role'],
  input: z.object({ email, name: z.string().trim().min(1).max(200), role: z.enum(['PARTNER_ADMIN', 'PARTNER_SALES', '']) }),
  run: async (input, who) => {
    const inviter = peopleAdminOf(who);
    // A customer's people are all administrators; a partner's need a role.
    const role = 'customerId' in inviter.org ? 'CUSTOMER_ADMIN' : input.role;
    if (!role) throw new AppError('INVALID_INPUT', 'Choose a role.', { fields: ['role'] });
    const locale = await getLocale();
    const { mail } = await invitePerson(inviter, { email: input.email, name: input.name, role, locale: isLang(locale) ? locale : 'en' }, await portalOrigin());
    revalidatePath('/people');
    return { email: input.email, mailed: mail.sent };
  },
});

const person = z.object({ userId: z.string().min(1).max(64) });

export const resendInvitationAction = signedInAction({
  input: person,
  run: async ({ userId }, who) => {
    const mail = await resendPersonInvitation(peopleAdminOf(who), userId, await portalOrigin());
    return { mailed: mail.sent };
  },
});

export const deactivatePersonAction = signedInAction({
  input: person,
  run: async ({ userId }, who) => {
    const result = await deactivateMember(peopleAdminOf(who), userId);
    revalidatePath('/people');
    return result;
  },
});

export const reactivatePersonAction = signedInAction({
  input: person,
  run: async ({ userId }, who) => {
    await reactivateMember(peopleAdminOf(who), userId);
    revalidatePath('/people');
    return null;
  },
});

export const changeRoleAction = signedInAction({
  input: person.extend({ role: z.enum(['PARTNER_ADMIN', 'PARTNER_SALES']) }),
  run: async ({ userId, role }, who) => {
    await changeMemberRole(peopleAdminOf(who), userId, role);
    revalidatePath('/people');
    return null;
  },
});

/** A partner's rule: every agent signs in with a second factor. */
export const requireMfaAction = agentAction({
  input: z.object({ required: z.boolean() }),
  permission: 'people:manage',
  run: async ({ required }, principal) => {
    await setPartnerRequiresMfa(principal.partnerId, required, principal);
    revalidatePath('/people');
    return null;
  },
});
