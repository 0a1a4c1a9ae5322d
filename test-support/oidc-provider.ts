/**
 * A real OpenID Connect provider for tests (node-oidc-provider), on
 * 127.0.0.1: the portal's single sign-on is tested against it, with no mock
 * in between. It knows one client (confidential, the authorization code
 * flow, PKCE required, and its secret accepted only in the Authorization
 * header: client_secret_basic) and a few people, each under the login
 * typed to sign in.
 *
 * What a browser does on it, once the portal has sent it there:
 *
 *   1. The page "Sign in" shows a textbox labelled "Email" and a button
 *      "Sign in". Fill "Email" with the account's login (the key it is
 *      listed under, in tests usually its email) and click "Sign in". There
 *      is no password and no consent page: the client is granted what it
 *      asked for (openid email profile) at once.
 *   2. The browser is sent back to the portal's redirect URI with the code.
 *
 * An unknown login shows the same page again with the text "No such account".
 * Wait for the provider's address (http://127.0.0.1:<port>/interaction/…)
 * before filling: the portal's own sign-in page has an "Email" and a
 * "Sign in" too. The provider remembers who signed in (its own cookie, for
 * an hour): a second sign-in in the same browser goes straight back to the
 * portal as the same person, without the page.
 *
 * The ID token carries sub (the login), email, email_verified, name and,
 * when the account has one, tid: as Entra ID's tokens do.
 *
 * Also a program, for Playwright's webServer (its readiness URL:
 * `http://127.0.0.1:<port>/.well-known/openid-configuration`):
 *
 *   OIDC_TEST_PORT=3300 OIDC_CLIENT_ID=portal OIDC_CLIENT_SECRET=… \
 *   OIDC_REDIRECT_URI=http://localhost:3200/api/auth/callback/oidc \
 *   OIDC_TEST_ACCOUNTS='[{"login":"ana@contoso.example","email":"ana@contoso.example","emailVerified":true,"name":"Ana","tid":"…"}]' \
 *   npx tsx test-support/oidc-provider.ts
 *
 * OIDC_TEST_ACCOUNTS is a JSON list of accounts, each with its login (the
 * email when left out), or an object of accounts keyed by login.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';

/** A person the provider signs in. */
export interface OidcTestAccount {
  email: string;
  /** What the ID token's email_verified says. */
  emailVerified: boolean;
  name: string;
  /** Entra ID's tenant id, sent as the tid claim when given. */
  tid?: string;
}

export interface OidcProviderOptions {
  /** 0 or left out: a free port. */
  port?: number;
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  /** The people, keyed by the login typed on the sign-in page. */
  accounts: Record<string, OidcTestAccount>;
}

export interface RunningOidcProvider {
  /** http://127.0.0.1:<port>, the issuer of its tokens. */
  issuer: string;
  close(): Promise<void>;
}

/** What this file uses of node-oidc-provider, which ships no types. */
interface Interaction {
  uid: string;
  prompt: { name: string; details: { missingOIDCScope?: string[]; missingOIDCClaims?: string[] } };
  params: Record<string, unknown>;
  grantId?: string;
  session?: { accountId?: string };
}
interface Grant {
  addOIDCScope(scope: string): void;
  addOIDCClaims(claims: string[]): void;
  save(): Promise<string>;
}
interface Provider {
  callback(): (req: IncomingMessage, res: ServerResponse) => void;
  interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<Interaction>;
  interactionFinished(req: IncomingMessage, res: ServerResponse, result: Record<string, unknown>, options: { mergeWithLastSubmission: boolean }): Promise<void>;
  Grant: { new (init: { accountId: string; clientId: string }): Grant; find(id: string): Promise<Grant | undefined> };
}
type ProviderClass = new (issuer: string, configuration: Record<string, unknown>) => Provider;

async function loadProvider(): Promise<ProviderClass> {
  // Named through a variable: the package has no type declarations, and its shape is written out above.
  const name = 'oidc-provider';
  const loaded = (await import(name)) as { default: ProviderClass };
  return loaded.default;
}

const escape = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function loginPage(uid: string, error?: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Sign in</title></head>
<body>
<h1>Sign in</h1>
${error ? `<p role="alert">${escape(error)}</p>` : ''}
<form method="post" action="/interaction/${escape(uid)}">
  <label for="email">Email</label>
  <input id="email" name="login" type="text" autocomplete="off" required autofocus>
  <button type="submit">Sign in</button>
</form>
</body></html>`;
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > 16_384) throw new Error('The form is too large.');
    chunks.push(chunk);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

/** The sign-in page (login) and the consent the client is given at once (consent). */
async function interaction(provider: Provider, accounts: Record<string, OidcTestAccount>, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const details = await provider.interactionDetails(req, res);
  if (details.prompt.name === 'login') {
    if (req.method === 'POST') {
      const login = (await readForm(req)).get('login')?.trim() ?? '';
      if (Object.hasOwn(accounts, login)) {
        await provider.interactionFinished(req, res, { login: { accountId: login } }, { mergeWithLastSubmission: false });
        return;
      }
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(loginPage(details.uid, 'No such account'));
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(loginPage(details.uid));
    return;
  }
  if (details.prompt.name === 'consent') {
    const accountId = details.session?.accountId;
    const clientId = details.params.client_id;
    if (!accountId || typeof clientId !== 'string') throw new Error('Consent without a signed-in account or a client.');
    const grant = (details.grantId ? await provider.Grant.find(details.grantId) : undefined) ?? new provider.Grant({ accountId, clientId });
    const { missingOIDCScope, missingOIDCClaims } = details.prompt.details;
    if (missingOIDCScope) grant.addOIDCScope(missingOIDCScope.join(' '));
    if (missingOIDCClaims) grant.addOIDCClaims(missingOIDCClaims);
    await provider.interactionFinished(req, res, { consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: true });
    return;
  }
  res.writeHead(501).end(`Not implemented: ${details.prompt.name}`);
}

/** Starts the provider on 127.0.0.1; close() stops it. */
export async function startOidcProvider(options: OidcProviderOptions): Promise<RunningOidcProvider> {
  const Provider = await loadProvider();
  const accounts = options.accounts;
  const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
  // Listening first: the issuer names the port, which may be any free one. Nothing
  // waits between listening and answering, so no request finds the server deaf.
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: options.clientId,
        client_secret: options.clientSecret,
        redirect_uris: options.redirectUris,
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    jwks: { keys: [{ ...signingKey, kid: 'test-signing-key', use: 'sig', alg: 'RS256' }] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    // tid rides with openid, as Entra ID sends it whatever the scopes.
    claims: { openid: ['sub', 'tid'], email: ['email', 'email_verified'], profile: ['name'] },
    // The granted scopes' claims go in the ID token itself, not only behind the userinfo endpoint.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    // Lifetimes in seconds, set so that the provider does not warn about its defaults.
    ttl: { AccessToken: 3600, AuthorizationCode: 60, Grant: 3600, IdToken: 3600, Interaction: 3600, Session: 3600 },
    // Required here (Entra ID does not require it of a confidential client), so that the tests prove the portal sends it.
    pkce: { required: () => true },
    async findAccount(_ctx: unknown, id: string) {
      const account = Object.hasOwn(accounts, id) ? accounts[id] : undefined;
      if (!account) return undefined;
      return {
        accountId: id,
        async claims() {
          return { sub: id, email: account.email, email_verified: account.emailVerified, name: account.name, ...(account.tid ? { tid: account.tid } : {}) };
        },
      };
    },
  });
  const handle = provider.callback();
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    // node-oidc-provider takes the secret from the body as well as from the header, whatever the client
    // registered: this one holds the client to client_secret_basic, as the portal's contract says.
    if (req.method === 'POST' && /^\/token(?:\?|$)/.test(req.url ?? '') && !/^basic /i.test(req.headers.authorization ?? '')) {
      res.writeHead(401, { 'content-type': 'application/json', 'www-authenticate': 'Basic realm="token", error="invalid_client"' });
      res.end(JSON.stringify({ error: 'invalid_client', error_description: 'the client must authenticate with client_secret_basic' }));
      return;
    }
    if (/^\/interaction\/[^/?]+(?:\?|$)/.test(req.url ?? '')) {
      interaction(provider, accounts, req, res).catch((error: unknown) => {
        console.error(error);
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
      return;
    }
    handle(req, res);
  });

  return {
    issuer,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

const accountList = z.array(
  z.object({ login: z.string().min(1).optional(), email: z.string().min(1), emailVerified: z.boolean(), name: z.string().min(1), tid: z.string().min(1).optional() }),
);
const accountMap = z.record(z.string().min(1), z.object({ email: z.string().min(1), emailVerified: z.boolean(), name: z.string().min(1), tid: z.string().min(1).optional() }));

/** The accounts of OIDC_TEST_ACCOUNTS, keyed by login. */
export function parseTestAccounts(json: string): Record<string, OidcTestAccount> {
  const value: unknown = JSON.parse(json);
  if (Array.isArray(value)) {
    return Object.fromEntries(accountList.parse(value).map(({ login, ...account }) => [login ?? account.email, account]));
  }
  return accountMap.parse(value);
}

async function main(): Promise<void> {
  const required = (name: string) => {
    const value = process.env[name];
    if (!value) throw new Error(`${name} is required.`);
    return value;
  };
  const running = await startOidcProvider({
    port: Number(required('OIDC_TEST_PORT')),
    clientId: required('OIDC_CLIENT_ID'),
    clientSecret: required('OIDC_CLIENT_SECRET'),
    redirectUris: required('OIDC_REDIRECT_URI').split(','),
    accounts: parseTestAccounts(process.env.OIDC_TEST_ACCOUNTS ?? '[]'),
  });
  process.stdout.write(`OpenID Connect test provider at ${running.issuer}\n`);
  const stop = () => {
    running.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
