/**
 * What a new password must be, written once for every form that sets one
 * (sign-up, an invitation, a reset, a change) and for the command line:
 * long enough, not too long to hash, not one of the passwords every guesser
 * tries first, and not the account's own email.
 */
import { dictionary } from '@zxcvbn-ts/language-common';
import { z } from 'zod';

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 200;

export type PasswordProblem = 'too-short' | 'too-long' | 'common' | 'like-email';

let common: Set<string> | undefined;
/** About 50,000 passwords seen most often in leaks (zxcvbn's list), lower-cased. */
function commonPasswords(): Set<string> {
  return (common ??= new Set(dictionary['passwords-common'].map((p) => p.toLowerCase())));
}

/** Why a password may not be set, or null when it may. `email` is the account's, when known. */
export function passwordProblem(password: string, email?: string): PasswordProblem | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN) return 'too-short';
  if (length > PASSWORD_MAX) return 'too-long';
  const folded = password.toLowerCase();
  // A common password stays common with digits or a sign added at its end ("password2024!").
  const stem = folded.replace(/[\d\W_]+$/u, '');
  if (commonPasswords().has(folded) || (stem.length >= 4 && commonPasswords().has(stem)) || /^(.)\1+$/u.test(password)) return 'common';
  const local = email?.split('@')[0]?.toLowerCase();
  if (email && (folded.includes(email.toLowerCase()) || (local && local.length >= 4 && folded.replace(/[\d\W_]+/gu, '') === local.replace(/[\d\W_]+/gu, '')))) return 'like-email';
  return null;
}

/**
 * For a form with a new password and the account's email: refuses the
 * password with the problem's name as the message, for the page to
 * translate.
 */
export function withPasswordRules<S extends z.ZodType<{ password: string; email: string }>>(schema: S) {
  return schema.superRefine((value, ctx) => {
    const problem = passwordProblem(value.password, value.email);
    if (problem) ctx.addIssue({ code: 'custom', path: ['password'], message: problem });
  });
}
