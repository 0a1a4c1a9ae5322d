'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { publicFormAction } from '@/lib/actions/action';
import { setPasswordFromLink } from '@/lib/services/password-reset';

/** Sets a new password from a reset link; every session of the account ends. */
export const resetPasswordAction = publicFormAction({
  fields: ['token'],
  secretFields: ['password'],
  input: z.object({ token: z.string().max(100), password: z.string().max(1000) }),
  run: async ({ token, password }) => {
    await setPasswordFromLink(token, 'reset-password', password);
    redirect('/sign-in?reset=1');
  },
});
