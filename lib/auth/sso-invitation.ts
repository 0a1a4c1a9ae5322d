/**
 * An invitation followed, then single sign-on chosen on its page: the
 * invitation's token waits in a short-lived, http-only cookie while the
 * person is at the provider, and the sign-in that comes back links the
 * provider's identity to the invited account (the link proved the mailbox;
 * the provider need not vouch for the address, as Entra ID does not for
 * organisational accounts).
 */
import 'server-only';
import { cookies } from 'next/headers';
import { portalOrigin } from '@/lib/portal-origin';

const COOKIE = 'portal-sso-invitation';

export async function holdSsoInvitation(token: string): Promise<void> {
  const secure = (await portalOrigin()).startsWith('https:');
  (await cookies()).set(COOKIE, token, { httpOnly: true, sameSite: 'lax', secure, path: '/api/auth', maxAge: 15 * 60 });
}

/** The invitation token held for this sign-in, if any; the cookie goes either way. */
export async function takeSsoInvitation(): Promise<string | null> {
  const jar = await cookies();
  const token = jar.get(COOKIE)?.value ?? null;
  if (token) jar.delete({ name: COOKIE, path: '/api/auth' });
  return token;
}
