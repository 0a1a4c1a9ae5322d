/**
 * What Auth.js's callbacks do with a single sign-on, written once for the
 * portal (next-auth.ts) and its end-to-end test against a real provider
 * (oidc-flow.test.ts): open the portal account the identity is linked to, or
 * refuse; and carry the account's id and session version in the session.
 */
import { findUserForOidcSignIn } from '@/lib/data/oidc-accounts';
import { oidcIdentity, OIDC_PROVIDER_ID } from './oidc';

/** Where a refused single sign-on lands: the sign-in page, which says why. */
export const SSO_REFUSED = '/sign-in?error=sso-refused';

/**
 * The signIn callback: true to go on (with `user` now the portal account:
 * without a database adapter, Auth.js hands this same object to the jwt
 * callback), or where to send a refused person. Other providers pass.
 */
export async function openPortalAccount(
  user: { id?: string; email?: string | null; name?: string | null; sessionVersion?: number },
  provider: string | undefined,
  claims: Record<string, unknown> | undefined,
  invitation: () => Promise<string | null>,
): Promise<true | string> {
  if (provider !== OIDC_PROVIDER_ID) return true;
  const identity = claims ? oidcIdentity(claims) : null;
  const found = identity ? await findUserForOidcSignIn(identity, await invitation()) : null;
  if (!found) return SSO_REFUSED;
  Object.assign(user, { id: found.id, email: found.email, name: found.name, sessionVersion: found.sessionVersion });
  return true;
}

/** The jwt callback: at sign-in, the token takes the account's id and session version. */
export function withAccount<T extends { sub?: string; sv?: unknown }>(token: T, user: { id?: string; sessionVersion?: number } | undefined): T {
  if (user?.id) {
    token.sub = user.id;
    token.sv = user.sessionVersion ?? 0;
  }
  return token;
}
