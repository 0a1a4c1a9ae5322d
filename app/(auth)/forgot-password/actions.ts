'use server';

import { after } from 'next/server';
import { getLocale } from 'next-intl/server';
import { z } from 'zod';
import { publicFormAction } from '@/lib/actions/action';
import { isLang } from '@/lib/autopilot';
import { requireMail } from '@/lib/mail/send';
import { portalOrigin } from '@/lib/portal-origin';
import { requestPasswordReset } from '@/lib/services/password-reset';

/**
 * Asks for a reset link. The answer is the same for every email, and comes
 * before the work is done (after the response: finding the account and
 * sending the mail), so that neither words nor time tell whether the email
 * has an account.
 */
export const forgotPasswordAction = publicFormAction({
  fields: ['email'],
  input: z.object({ email: z.string().trim().toLowerCase().pipe(z.email()).pipe(z.string().max(254)) }),
  run: async ({ email }) => {
    requireMail();
    const locale = await getLocale();
    const portal = await portalOrigin();
    after(() => requestPasswordReset(email, isLang(locale) ? locale : 'en', portal));
    return { email };
  },
});
