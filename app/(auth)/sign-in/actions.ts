'use server';

import { z } from 'zod';
import { publicFormAction } from '@/lib/actions/action';
import { safeCallbackUrl } from '@/lib/auth/callback-url';
import { signInWithCode, signInWithPassword, signInWithSingleSignOn } from '@/lib/auth/session';
import { AppError } from '@/lib/errors';

const input = z.union([
  z.object({ challenge: z.string().min(1), code: z.string().max(40), callbackUrl: z.string() }),
  z.object({ email: z.string(), password: z.string(), callbackUrl: z.string() }),
]);

/**
 * Signs in: email and password, then, for an account with a second factor,
 * a code. On failure the form says so, without telling which was wrong; a
 * right password for such an account answers with the challenge the code
 * step sends back.
 */
export const signInAction = publicFormAction({
  fields: ['email', 'callbackUrl', 'challenge'],
  secretFields: ['password', 'code'],
  input: z.preprocess((raw) => {
    // The form of the second step carries the challenge; the first, the password.
    const fields = raw as Record<string, string>;
    return fields.challenge ? { challenge: fields.challenge, code: fields.code, callbackUrl: fields.callbackUrl } : { email: fields.email, password: fields.password, callbackUrl: fields.callbackUrl };
  }, input),
  run: async (fields) => {
    const redirectTo = safeCallbackUrl(fields.callbackUrl);
    const outcome = 'challenge' in fields ? await signInWithCode(fields.challenge, fields.code, redirectTo) : await signInWithPassword(fields.email, fields.password, redirectTo);
    if (outcome.next === 'code') return { challenge: outcome.challenge };
    throw new AppError('UNAUTHENTICATED', 'Signing in was refused.', { reason: outcome.reason });
  },
});

/** "Sign in with Microsoft": off to the provider; back to where the person was going. */
export async function singleSignOnAction(form: FormData): Promise<void> {
  const callbackUrl = form.get('callbackUrl');
  const invitation = form.get('invitation');
  await signInWithSingleSignOn(safeCallbackUrl(typeof callbackUrl === 'string' ? callbackUrl : '/'), typeof invitation === 'string' && invitation ? invitation : undefined);
}
