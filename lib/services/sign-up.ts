/**
 * Signing up a customer organisation gives the same answer whatever the
 * database holds ("check your email"), so that nobody learns from it which
 * emails or domains have an account. The email tells the next step: confirm
 * the address of a new account, or, for an address or a domain that already
 * has one, sign in or ask the organisation's administrator.
 */
import type { Lang } from '@/lib/autopilot';
import { safeCallbackUrl } from '@/lib/auth/callback-url';
import { hashPassword } from '@/lib/auth/password';
import { createCustomerAccount } from '@/lib/data/accounts';
import { issueEmailToken, VERIFY_EMAIL_HOURS } from '@/lib/data/email-tokens';
import { accountExistsMail, domainTakenMail, verifyEmailMail } from '@/lib/mail/messages';
import { sendMail, type MailOutcome } from '@/lib/mail/send';

export interface SignUpInput {
  organisation: string;
  domain: string;
  name: string;
  email: string;
  password: string;
  locale: Lang;
  /** Where to go once signed in (a consent link, say). */
  callbackUrl: string;
}

/** `path` of the portal, with where to go afterwards as `param` when that is not the start page. */
function withNext(portal: string, path: string, param: string, next: string): string {
  const after = safeCallbackUrl(next);
  return `${portal}${path}${after === '/' ? '' : `?${param}=${encodeURIComponent(after)}`}`;
}

/** The link that confirms an address: the token, and where to go after signing in. */
export function verificationLink(portal: string, token: string, next: string): string {
  return withNext(portal, `/verify-email/${token}`, 'next', next);
}

export async function signUpCustomer(input: SignUpInput, portal: string): Promise<{ mail: MailOutcome }> {
  const created = await createCustomerAccount(input);
  const signIn = withNext(portal, '/sign-in', 'callbackUrl', input.callbackUrl);
  if (!created.ok) {
    // As long as making an account takes: the time taken says nothing either.
    await hashPassword(input.password);
    const mail =
      created.taken === 'email'
        ? accountExistsMail({ lang: input.locale, url: signIn, portal })
        : domainTakenMail({ lang: input.locale, domain: input.domain, url: signIn, portal });
    return { mail: await sendMail(input.email, mail) };
  }
  const token = await issueEmailToken(created.userId, 'verify-email');
  const mail = verifyEmailMail({
    lang: input.locale,
    name: input.name,
    organisation: input.organisation,
    url: verificationLink(portal, token, input.callbackUrl),
    hours: VERIFY_EMAIL_HOURS,
    portal,
  });
  return { mail: await sendMail(input.email, mail) };
}

/** A new verification link for a signed-in administrator who has not confirmed their address yet. */
export async function resendVerification(user: { userId: string; email: string; name: string; organisation: string }, lang: Lang, next: string, portal: string): Promise<MailOutcome> {
  const token = await issueEmailToken(user.userId, 'verify-email');
  return sendMail(
    user.email,
    verifyEmailMail({ lang, name: user.name, organisation: user.organisation, url: verificationLink(portal, token, next), hours: VERIFY_EMAIL_HOURS, portal }),
  );
}
