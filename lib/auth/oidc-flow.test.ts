/**
 * Single sign-on end to end, with nothing mocked: Auth.js (as next-auth
 * runs it) with the portal's provider, against a real OpenID Connect
 * provider (test-support/oidc-provider.ts) on 127.0.0.1, over real HTTP.
 * The browser is played by hand: each response's cookies are carried to
 * the next request of the same site, each redirect followed.
 */
import { Auth, type AuthConfig } from '@auth/core';
import { decode } from '@auth/core/jwt';
import type { Profile } from '@auth/core/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '@/test-support/database';
import { customer, customerAdmin } from '@/test-support/factories';
import { startOidcProvider, type RunningOidcProvider } from '@/test-support/oidc-provider';
import { oidcProvider, type OidcSettings } from './oidc';

freshDatabase();
const { openPortalAccount, withAccount } = await import('./oidc-sign-in');

const PORTAL = 'http://localhost:3999';
const REDIRECT_URI = `${PORTAL}/api/auth/callback/oidc`;
const SECRET = 'a-fixed-secret-for-the-oidc-flow-test-0123456789';
const SESSION_COOKIE = 'authjs.session-token';
const CLIENT = { clientId: 'portal', clientSecret: 'the-client-secret' };
const TENANT = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';

/** The cookies a browser keeps for one site. */
class Jar {
  private readonly cookies = new Map<string, string>();
  take(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      const expired = value === '' || attributes.some((a) => /^\s*max-age=0\s*$/i.test(a));
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  get(name: string): string | undefined {
    return this.cookies.get(name);
  }
  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

/** What the portal's callbacks saw of the sign-in. */
interface Seen {
  profile?: Profile;
  token?: Record<string, unknown>;
}

/**
 * Auth.js as the portal configures it for single sign-on: the provider, JWT
 * sessions, and the signIn and jwt callbacks lib/auth/next-auth.ts has.
 */
function authConfig(settings: OidcSettings, seen: Seen, errors: Error[]): AuthConfig {
  return {
    basePath: '/api/auth',
    secret: SECRET,
    trustHost: true,
    session: { strategy: 'jwt' },
    providers: [oidcProvider(settings)],
    logger: { error: (error) => errors.push(error), warn: () => undefined, debug: () => undefined },
    callbacks: {
      async signIn({ user, account, profile }) {
        seen.profile = profile;
        return openPortalAccount(user, account?.provider, profile, () => Promise.resolve(null));
      },
      jwt({ token, user }) {
        withAccount(token, user);
        seen.token = { ...token };
        return token;
      },
    },
  };
}

const portal = (config: AuthConfig, path: string, jar: Jar, init: RequestInit = {}) =>
  Auth(new Request(new URL(path, PORTAL), { ...init, headers: { ...(init.headers as Record<string, string>), cookie: jar.header() } }), config);

/** The answer of an Auth.js step: a redirect, its cookies kept. */
function redirected(response: Response, jar: Jar): string {
  jar.take(response);
  expect([302, 303]).toContain(response.status);
  const location = response.headers.get('location');
  if (!location) throw new Error('No redirect.');
  return location;
}

/**
 * Signs in at the provider as `login`, from the portal's sign-in button to
 * the callback: the portal's last answer and its cookies.
 */
async function signIn(config: AuthConfig, issuer: string, login: string): Promise<{ response: Response; jar: Jar }> {
  const jar = new Jar();
  const csrf = await portal(config, '/api/auth/csrf', jar);
  jar.take(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  let location = redirected(
    await portal(config, '/api/auth/signin/oidc', jar, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrfToken, callbackUrl: `${PORTAL}/customers` }),
    }),
    jar,
  );
  const authorization = new URL(location);
  expect(authorization.origin).toBe(issuer);
  expect(authorization.searchParams.get('scope')).toBe('openid email profile');
  expect(authorization.searchParams.get('redirect_uri')).toBe(REDIRECT_URI);
  expect(authorization.searchParams.get('code_challenge_method')).toBe('S256');
  for (const check of ['state', 'nonce', 'code_challenge']) expect(authorization.searchParams.get(check)).toBeTruthy();

  // At the provider, as a browser: follow its redirects, fill the sign-in page once.
  const provider = new Jar();
  let filled = false;
  for (let step = 0; step < 12 && location.startsWith(issuer); step++) {
    const response = await fetch(location, { redirect: 'manual', headers: { cookie: provider.header() } });
    provider.take(response);
    if (response.status === 200) {
      expect(filled).toBe(false);
      const page = await response.text();
      expect(page).toMatch(/<label for="email">Email<\/label>/);
      expect(page).toMatch(/<button type="submit">Sign in<\/button>/);
      const action = /<form method="post" action="([^"]+)"/.exec(page)?.[1];
      if (!action) throw new Error('No sign-in form.');
      const submitted = await fetch(new URL(action, location), {
        method: 'POST',
        redirect: 'manual',
        headers: { cookie: provider.header(), 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ login }),
      });
      provider.take(submitted);
      expect(submitted.status).toBe(303);
      location = new URL(submitted.headers.get('location') ?? '', location).href;
      filled = true;
      continue;
    }
    expect([302, 303]).toContain(response.status);
    location = new URL(response.headers.get('location') ?? '', location).href;
  }
  expect(filled).toBe(true);
  const callback = new URL(location);
  expect(`${callback.origin}${callback.pathname}`).toBe(REDIRECT_URI);
  expect(callback.searchParams.get('code')).toBeTruthy();

  const response = await portal(config, `${callback.pathname}${callback.search}`, jar);
  jar.take(response);
  return { response, jar };
}

const sessionOf = (jar: Jar) => {
  const token = jar.get(SESSION_COOKIE);
  return token ? decode({ token, secret: SECRET, salt: SESSION_COOKIE }) : Promise.resolve(null);
};

describe('single sign-on against a real OpenID Connect provider', () => {
  let provider: RunningOidcProvider;
  let felix: Awaited<ReturnType<typeof customerAdmin>>;

  beforeAll(async () => {
    felix = await customerAdmin(await customer());
    provider = await startOidcProvider({
      ...CLIENT,
      redirectUris: [REDIRECT_URI],
      accounts: {
        felix: { email: felix.email.toUpperCase(), emailVerified: true, name: 'Felix at the provider', tid: TENANT },
        mallory: { email: felix.email, emailVerified: false, name: 'Mallory' },
      },
    });
  });
  afterAll(() => provider.close());

  it('opens a session for the portal account: its id as sub, its session version as sv', async () => {
    const seen: Seen = {};
    const errors: Error[] = [];
    const { response, jar } = await signIn(authConfig({ issuer: provider.issuer, ...CLIENT }, seen, errors), provider.issuer, 'felix');
    expect(errors).toEqual([]);
    expect(response.headers.get('location')).toBe(`${PORTAL}/customers`);
    // The ID token's claims, as Auth.js hands them to the callbacks.
    expect(seen.profile).toMatchObject({ iss: provider.issuer, sub: 'felix', email: felix.email.toUpperCase(), email_verified: true, name: 'Felix at the provider', tid: TENANT });
    expect(seen.token).toMatchObject({ sub: felix.userId, sv: 0, email: felix.email });
    expect(await sessionOf(jar)).toMatchObject({ sub: felix.userId, sv: 0 });
  });

  it('refuses an email the provider did not verify: back to the sign-in page, no session', async () => {
    const seen: Seen = {};
    const errors: Error[] = [];
    const { response, jar } = await signIn(authConfig({ issuer: provider.issuer, ...CLIENT }, seen, errors), provider.issuer, 'mallory');
    expect(seen.profile).toMatchObject({ sub: 'mallory', email: felix.email, email_verified: false });
    expect(response.headers.get('location')).toBe(`${PORTAL}/sign-in?error=sso-refused`);
    expect(jar.get(SESSION_COOKIE)).toBeUndefined();
    expect(seen.token).toBeUndefined();
  });

  it('gives no session when the provider does not authenticate the portal (a wrong secret)', async () => {
    const seen: Seen = {};
    const errors: Error[] = [];
    const { response, jar } = await signIn(authConfig({ issuer: provider.issuer, ...CLIENT, clientSecret: 'not-the-secret' }, seen, errors), provider.issuer, 'felix');
    expectRefusedByTheTokenEndpoint(response, jar, seen, errors);
  });

  it('authenticates the portal with client_secret_basic: its secret sent otherwise gets no session', async () => {
    const seen: Seen = {};
    const errors: Error[] = [];
    const config = authConfig({ issuer: provider.issuer, ...CLIENT }, seen, errors);
    const [oidc] = config.providers;
    // The same provider, but with the secret in the form's body.
    config.providers = [{ ...(oidc as ReturnType<typeof oidcProvider>), client: { token_endpoint_auth_method: 'client_secret_post' } }];
    const { response, jar } = await signIn(config, provider.issuer, 'felix');
    expectRefusedByTheTokenEndpoint(response, jar, seen, errors);
  });
});

/** The code was not exchanged: Auth.js's error page, no session, and the provider's invalid_client in the log. */
function expectRefusedByTheTokenEndpoint(response: Response, jar: Jar, seen: Seen, errors: Error[]): void {
  expect(response.headers.get('location')).toBe(`${PORTAL}/api/auth/error?error=Configuration`);
  expect(jar.get(SESSION_COOKIE)).toBeUndefined();
  expect(seen.profile).toBeUndefined();
  // Auth.js wraps what its OAuth library threw: the provider's error, from the body or from WWW-Authenticate.
  const reasons = errors.flatMap((error) => {
    const thrown = (error.cause as { err?: { error?: unknown; cause?: unknown } } | undefined)?.err;
    const challenges = Array.isArray(thrown?.cause) ? (thrown.cause as { parameters?: { error?: unknown } }[]) : [];
    return [thrown?.error, ...challenges.map((challenge) => challenge.parameters?.error)];
  });
  expect(reasons).toContain('invalid_client');
}
