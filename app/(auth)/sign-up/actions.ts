'use server';

import { getLocale } from 'next-intl/server';
import { z } from 'zod';
import { isLang } from '@/lib/autopilot';
import { publicFormAction } from '@/lib/actions/action';
import { safeCallbackUrl } from '@/lib/auth/callback-url';
import { signInWithPassword } from '@/lib/auth/session';
import { createCustomerAccount } from '@/lib/data/accounts';
import { AppError } from '@/lib/errors';

const signUpInput = z.object({
  organisation: z.string().trim().min(2).max(200),
  domain: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^(?=.{3,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/),
  name: z.string().trim().min(1).max(200),
  email: z.string().trim().toLowerCase().pipe(z.email()).pipe(z.string().max(254)),
  password: z.string().min(12).max(200),
  callbackUrl: z.string(),
});

/** Creates a customer organisation and its administrator, signs them in, and goes back where they were. */
export const signUpAction = publicFormAction({
  fields: ['organisation', 'domain', 'name', 'email', 'callbackUrl'],
  secretFields: ['password'],
  input: signUpInput,
  run: async (input) => {
    const locale = await getLocale();
    const created = await createCustomerAccount({ ...input, locale: isLang(locale) ? locale : 'en' });
    if (!created.ok) throw new AppError('CONFLICT', `That ${created.taken} is taken.`, { reason: `${created.taken}-taken` });
    await signInWithPassword(input.email, input.password, safeCallbackUrl(input.callbackUrl));
    throw new AppError('UNAUTHENTICATED', 'The new account could not sign in.');
  },
});
