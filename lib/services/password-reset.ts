/**
 * Forgotten passwords: a link by email, valid for an hour, once. The answer
 * to the request is the same whether the email has an account or not, and
 * no more than one link a minute goes to one account.
 */
import type { Lang } from '@/lib/autopilot';
import { EMAIL_TOKEN_HOURS, issueEmailToken, lastEmailTokenAt } from '@/lib/data/email-tokens';
import { passwordProblem } from '@/lib/auth/password-rules';
import { findUserForSignIn, personForLink, setPasswordWithLink } from '@/lib/data/accounts';
import { AppError } from '@/lib/errors';
import { passwordResetMail } from '@/lib/mail/messages';
import { sendMail } from '@/lib/mail/send';

/** Sends the link, if the email has an active account. The caller checked that mail can be sent (requireMail) before answering. */
export async function requestPasswordReset(email: string, lang: Lang, portal: string): Promise<void> {
  const user = await findUserForSignIn(email);
  if (!user || user.deactivatedAt) return;
  const last = await lastEmailTokenAt(user.id, 'reset-password');
  if (last && Date.now() - last.getTime() < 60_000) return;
  const token = await issueEmailToken(user.id, 'reset-password');
  await sendMail(user.email, passwordResetMail({ lang, name: user.name, url: `${portal}/reset-password/${token}`, minutes: EMAIL_TOKEN_HOURS['reset-password'] * 60, portal }));
}

/**
 * Sets the password from a link (an invitation, or a reset), once the
 * password passes the rules for this account (not its own email).
 */
export async function setPasswordFromLink(token: string, purpose: 'invitation' | 'reset-password', password: string, name?: string): Promise<void> {
  const person = await personForLink(token, purpose);
  const problem = passwordProblem(password, person.email);
  if (problem) throw new AppError('INVALID_INPUT', 'The password cannot be used.', { fields: ['password'], reason: problem });
  await setPasswordWithLink(token, purpose, password, name);
}
