'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { publicFormAction } from '@/lib/actions/action';
import { setPasswordFromLink } from '@/lib/services/password-reset';

/** Joins an organisation one was invited to: sets the name and the password. */
export const joinAction = publicFormAction({
  fields: ['token', 'name'],
  secretFields: ['password'],
  input: z.object({ token: z.string().max(100), name: z.string().trim().min(1).max(200), password: z.string().max(1000) }),
  run: async ({ token, name, password }) => {
    await setPasswordFromLink(token, 'invitation', password, name);
    redirect('/sign-in?joined=1');
  },
});
