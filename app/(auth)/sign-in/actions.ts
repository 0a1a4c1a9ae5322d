'use server';

import { z } from 'zod';
import { publicFormAction } from '@/lib/actions/action';
import { safeCallbackUrl } from '@/lib/auth/callback-url';
import { signInWithPassword } from '@/lib/auth/session';
import { AppError } from '@/lib/errors';

/** Signs in with email and password; on failure the form says so, without telling which was wrong. */
export const signInAction = publicFormAction({
  fields: ['email', 'callbackUrl'],
  secretFields: ['password'],
  input: z.object({ email: z.string(), password: z.string(), callbackUrl: z.string() }),
  run: async ({ email, password, callbackUrl }) => {
    const failure = await signInWithPassword(email, password, safeCallbackUrl(callbackUrl));
    throw new AppError('UNAUTHENTICATED', 'The email or password is incorrect.', { reason: failure });
  },
});
