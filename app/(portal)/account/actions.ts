'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { signedInAction, signedInFormAction } from '@/lib/actions/action';
import { passwordProblem } from '@/lib/auth/password-rules';
import { changePassword } from '@/lib/data/accounts';
import { confirmMfaEnrolment, disableMfa, renewRecoveryCodes } from '@/lib/data/mfa';
import { AppError } from '@/lib/errors';

/** Changes the password, given the current one; every session ends, this one too, and the person signs in again. */
export const changePasswordAction = signedInFormAction({
  fields: [],
  secretFields: ['current', 'password'],
  input: z.object({ current: z.string().max(200), password: z.string() }),
  run: async ({ current, password }, who) => {
    const problem = passwordProblem(password, who.email);
    if (problem) throw new AppError('INVALID_INPUT', 'The password cannot be used.', { fields: ['password'], reason: problem });
    await changePassword(who.userId, current, password);
    redirect('/sign-in?reset=1');
  },
});

const code = z.object({ code: z.string().trim().min(1).max(40) });

/** Confirms the authenticator app with a code it shows; the recovery codes, shown once. */
export const confirmMfaAction = signedInFormAction({
  fields: [],
  secretFields: ['code'],
  input: code,
  run: async ({ code }, who) => {
    // No revalidation: the page keeps showing the recovery codes until the person moves on.
    return { recoveryCodes: await confirmMfaEnrolment(who.userId, code) };
  },
});

export const renewRecoveryCodesAction = signedInAction({
  input: z.object({}),
  run: async (_input, who) => ({ recoveryCodes: await renewRecoveryCodes(who.userId) }),
});

/** Turns the second factor off, with a code to prove the person still holds it. */
export const disableMfaAction = signedInFormAction({
  fields: [],
  secretFields: ['code'],
  input: code,
  run: async ({ code }, who) => {
    await disableMfa(who.userId, code);
    revalidatePath('/account');
    return null;
  },
});
