/**
 * Single sign-on with OpenID Connect: Microsoft Entra ID, or any compliant
 * provider, set by OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET.
 *
 * The provider is registered with Auth.js under the id `oidc`, so the
 * address to register at the provider is `<PORTAL_URL>/api/auth/callback/oidc`.
 * The portal asks for `openid email profile`, authenticates itself with its
 * secret in the Authorization header (client_secret_basic), and checks
 * state, nonce and PKCE on the way back.
 *
 * Who the person is in the portal is decided from the ID token's claims
 * (oidcIdentity here, then lib/data/oidc-accounts.ts): accounts are never
 * made from single sign-on.
 */
// customFetch and the types from where they live: next-auth re-exports them but does not load outside Next.
import { customFetch } from '@auth/core';
import type { OIDCConfig } from '@auth/core/providers';
import type { Profile } from '@auth/core/types';
import { env } from '@/lib/env';

/** The provider's id in Auth.js: the last part of the callback address. */
export const OIDC_PROVIDER_ID = 'oidc';

/** What the portal asks the provider for: an ID token with the person's email and name. */
export const OIDC_SCOPES = 'openid email profile';

export interface OidcSettings {
  /** The provider's issuer, for Entra ID https://login.microsoftonline.com/<tenant id>/v2.0. */
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
}

/** The person the provider signed in, as the ID token says. */
export interface OidcIdentity {
  /** The token's `iss`: who vouches for the person. */
  readonly issuer: string;
  /** The token's `sub`: the person's stable id at that issuer. */
  readonly subject: string;
  /** The `email` claim, trimmed and lower-cased; null without one. */
  readonly email: string | null;
  /** Whether the provider says it verified that address (`email_verified` true, or the text "true"). */
  readonly emailVerified: boolean;
  readonly name: string | null;
  /** Entra ID's tenant (the `tid` claim) when it is a GUID, lower-cased; null otherwise. */
  readonly tenantId: string | null;
}

/** Whether single sign-on is set up (the environment's check makes it all three settings or none). */
export function oidcConfigured(): boolean {
  return oidcSettings() !== null;
}

/** The settings from the environment, or null when single sign-on is not set up. */
export function oidcSettings(): OidcSettings | null {
  const { OIDC_ISSUER: issuer, OIDC_CLIENT_ID: clientId, OIDC_CLIENT_SECRET: clientSecret } = env();
  return issuer && clientId && clientSecret ? { issuer, clientId, clientSecret } : null;
}

/** Hosts that never leave the machine: the only ones reached over plain http (the test provider). */
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Whether the portal may talk to this address: https, or http to this machine. */
export function allowedProviderUrl(url: URL): boolean {
  return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname));
}

/**
 * Auth.js lets its OAuth library reach any http address the discovery
 * document names; the portal's fetch refuses plain http but to this machine,
 * so that a token, a code or the client secret never crosses a network in
 * clear.
 */
const providerFetch: typeof fetch = (input, init) => {
  const url = new URL(input instanceof Request ? input.url : input);
  if (!allowedProviderUrl(url)) {
    return Promise.reject(new TypeError(`Single sign-on refused to reach ${url.origin}: the provider must be reached over https.`));
  }
  return fetch(input, init);
};

/**
 * The Auth.js provider for the portal's single sign-on. Throws for an issuer
 * reached over plain http other than on this machine.
 */
export function oidcProvider(settings: OidcSettings): OIDCConfig<Profile> {
  if (!allowedProviderUrl(new URL(settings.issuer))) {
    throw new Error(`OIDC_ISSUER must be an https address (plain http only for a provider on this machine, such as http://127.0.0.1): ${settings.issuer}`);
  }
  return {
    id: OIDC_PROVIDER_ID,
    name: 'Microsoft',
    type: 'oidc',
    issuer: settings.issuer,
    clientId: settings.clientId,
    clientSecret: settings.clientSecret,
    client: { token_endpoint_auth_method: 'client_secret_basic' },
    authorization: { params: { scope: OIDC_SCOPES } },
    checks: ['pkce', 'state', 'nonce'],
    [customFetch]: providerFetch,
  };
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function text(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/**
 * Reads the ID token's claims (Auth.js's `profile` for this provider) into
 * the person they describe; null when the issuer or the subject is missing.
 * Nothing is trusted that the claims do not say literally: an email is
 * verified only with `email_verified` true (or "true").
 */
export function oidcIdentity(claims: Readonly<Record<string, unknown>>): OidcIdentity | null {
  const issuer = text(claims.iss);
  const subject = typeof claims.sub === 'string' && claims.sub !== '' ? claims.sub : null;
  if (!issuer || !subject) return null;
  const email = text(claims.email)?.toLowerCase() ?? null;
  const tid = text(claims.tid);
  return {
    issuer,
    subject,
    email,
    emailVerified: email !== null && (claims.email_verified === true || claims.email_verified === 'true'),
    name: text(claims.name),
    tenantId: tid && GUID.test(tid) ? tid.toLowerCase() : null,
  };
}
