'use server';

import { getLocale } from 'next-intl/server';
import { z } from 'zod';
import { isLang } from '@/lib/autopilot';
import { publicFormAction } from '@/lib/actions/action';
import { withPasswordRules } from '@/lib/auth/password-rules';
import { portalOrigin } from '@/lib/portal-origin';
import { signUpCustomer } from '@/lib/services/sign-up';

const signUpInput = withPasswordRules(
  z.object({
    organisation: z.string().trim().min(2).max(200),
    domain: z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^(?=.{3,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/),
    name: z.string().trim().min(1).max(200),
    email: z.string().trim().toLowerCase().pipe(z.email()).pipe(z.string().max(254)),
    password: z.string(),
    callbackUrl: z.string(),
  }),
);

/**
 * Asks for a customer organisation's account. The answer is the same
 * whatever the database holds ("check your email"); the email says what
 * comes next (lib/services/sign-up.ts).
 */
export const signUpAction = publicFormAction({
  fields: ['organisation', 'domain', 'name', 'email', 'callbackUrl'],
  secretFields: ['password'],
  input: signUpInput,
  run: async (input) => {
    const locale = await getLocale();
    await signUpCustomer({ ...input, locale: isLang(locale) ? locale : 'en' }, await portalOrigin());
    return { email: input.email };
  },
});
