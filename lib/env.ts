/**
 * Every setting the server reads from its environment, validated in one
 * place. A bad value stops the portal with one message that names every bad
 * variable, rather than surprising someone later.
 *
 * `env()` (every tool) and `serverEnv()` (the running portal, which in
 * production also needs AUTH_SECRET) parse on first use and keep the result
 * for as long as the variables they read keep their values: a change to
 * process.env (tests set DATABASE_URL before importing the database client)
 * is seen on the next call, with no reset to remember. Comparing the raw
 * values costs a few string reads per call.
 */
import { z } from 'zod';

export const DEFAULT_DATABASE_URL = 'file:./data/portal.db';
export const DEFAULT_API_MAX_BODY_BYTES = 64 * 1024 * 1024;
export const DEFAULT_API_RATE_LIMIT = { capacity: 120, perSecond: 2 } as const;

const MAKE_A_SECRET = 'make one with `openssl rand -base64 32`';
const VARIABLES = ['NODE_ENV', 'NEXT_PHASE', 'DATABASE_URL', 'AUTH_SECRET', 'AUTH_SECRET_FILE', 'PORTAL_URL', 'TRUST_PROXY', 'SMTP_URL', 'MAIL_FROM', 'MAIL_OUTBOX', 'API_MAX_BODY_BYTES', 'API_RATE_LIMIT', 'DNS_RESOLVER', 'OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET'] as const;

export interface Env {
  readonly NODE_ENV: 'development' | 'production' | 'test';
  /** A SQLite file URL (`file:` then a path relative to the working directory), or a PostgreSQL URL (`postgresql://…`, TLS options such as `sslmode=require` honoured). */
  readonly DATABASE_URL: string;
  /** Signs sessions and consent links. Always set in production; elsewhere lib/auth/secret.ts may make one. */
  readonly AUTH_SECRET?: string;
  /** Instead of AUTH_SECRET: a file that holds it, made at random the first time (the demo's way). */
  readonly AUTH_SECRET_FILE?: string;
  /** The portal's public address, without a trailing slash, when it differs from the address a request came to. */
  readonly PORTAL_URL?: string;
  /** Whether a reverse proxy in front of the portal sets X-Forwarded-Host, -Proto and -For (and clients cannot). */
  readonly TRUST_PROXY: boolean;
  /** Where mail goes: smtp://user:pass@host:587 (STARTTLS when offered), smtps://… (TLS from the start). */
  readonly SMTP_URL?: string;
  /** The sender of the portal's mail. */
  readonly MAIL_FROM: string;
  /** Without SMTP_URL: the folder each message is written to as an .eml file (the demo's data/outbox). */
  readonly MAIL_OUTBOX?: string;
  /** The largest request body the REST API reads, in bytes. */
  readonly API_MAX_BODY_BYTES: number;
  /** The REST API's limit per key: a burst of `capacity` requests, then `perSecond`. */
  readonly API_RATE_LIMIT: { readonly capacity: number; readonly perSecond: number };
  /** The DNS servers asked for domain verification records (host or host:port, comma-separated); the system's when unset. */
  readonly DNS_RESOLVER?: readonly string[];
  /** Single sign-on with OpenID Connect (Microsoft Entra ID, or any compliant provider): all three, or none. */
  readonly OIDC_ISSUER?: string;
  readonly OIDC_CLIENT_ID?: string;
  readonly OIDC_CLIENT_SECRET?: string;
}

const positiveInteger = /^[1-9][0-9]*$/;
const positiveNumber = /^(?:[0-9]+\.?[0-9]*|\.[0-9]+)$/;
/** An IPv4 address with an optional port, or an IPv6 address (in brackets when a port follows). */
const dnsServer = /^(?:(?:[0-9]{1,3}\.){3}[0-9]{1,3}(?::[0-9]{1,5})?|\[[0-9a-fA-F:]+\](?::[0-9]{1,5})?|[0-9a-fA-F:]*:[0-9a-fA-F:]*)$/;

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test'], { error: 'must be development, production or test' }).default('development'),
  DATABASE_URL: z
    .string()
    .refine((url) => url.startsWith('file:') || /^postgres(ql)?:\/\//.test(url), {
      error: 'must be a SQLite file URL such as file:./data/portal.db, or a PostgreSQL URL such as postgresql://user:password@host:5432/portal?sslmode=require',
    })
    .refine((url) => url !== 'file:', { error: 'must name a file after file:' })
    .refine((url) => !/^postgres(ql)?:\/\//.test(url) || URL.canParse(url), { error: 'is not a valid PostgreSQL URL' })
    .default(DEFAULT_DATABASE_URL),
  AUTH_SECRET: z.string().min(32, { error: `must be at least 32 characters; ${MAKE_A_SECRET}` }).optional(),
  AUTH_SECRET_FILE: z.string().optional(),
  TRUST_PROXY: z
    .enum(['true', 'false', '1', '0'], { error: 'must be true or false' })
    .transform((value) => value === 'true' || value === '1')
    .default(false),
  SMTP_URL: z
    .url({ protocol: /^smtps?$/, error: 'must be an smtp:// or smtps:// address, such as smtp://user:password@mail.example.com:587' })
    .optional(),
  MAIL_FROM: z.string().min(3).max(320).default('Autopilot partner portal <no-reply@localhost>'),
  MAIL_OUTBOX: z.string().optional(),
  PORTAL_URL: z
    .httpUrl({ error: 'must be an absolute http(s) address such as https://portal.example.com' })
    .transform((url) => url.replace(/\/+$/, ''))
    .optional(),
  API_MAX_BODY_BYTES: z
    .string()
    .regex(positiveInteger, { error: 'must be a positive whole number of bytes' })
    .transform(Number)
    .refine(Number.isSafeInteger, { error: 'is too large' })
    .default(DEFAULT_API_MAX_BODY_BYTES),
  API_RATE_LIMIT: z
    .string()
    .transform((value, ctx) => {
      const [capacity, perSecond, ...rest] = value.split(',').map((part) => part.trim());
      if (rest.length === 0 && capacity && perSecond && positiveInteger.test(capacity) && positiveNumber.test(perSecond) && Number(perSecond) > 0) {
        return { capacity: Number(capacity), perSecond: Number(perSecond) };
      }
      ctx.addIssue({ code: 'custom', message: 'must be "capacity,perSecond": a positive whole number, then a positive number (for example 120,2)' });
      return z.NEVER;
    })
    .default({ ...DEFAULT_API_RATE_LIMIT }),
  DNS_RESOLVER: z
    .string()
    .transform((value, ctx) => {
      const servers = value.split(',').map((part) => part.trim()).filter(Boolean);
      if (servers.length > 0 && servers.every((server) => dnsServer.test(server))) return servers;
      ctx.addIssue({ code: 'custom', message: 'must list DNS servers as address or address:port, comma-separated (for example 127.0.0.1:5353)' });
      return z.NEVER;
    })
    .optional(),
  OIDC_ISSUER: z.url({ protocol: /^https?$/, error: 'must be the provider\'s issuer address, such as https://login.microsoftonline.com/<tenant>/v2.0' }).optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
});

/** The environment's settings are wrong; the message lists every bad variable. */
export class InvalidEnvironment extends Error {
  constructor(readonly problems: Record<string, string[]>) {
    super(
      `The portal's environment is not valid:\n${Object.entries(problems)
        .map(([name, messages]) => `  ${name} ${messages.join('; ')}`)
        .join('\n')}`,
    );
    this.name = 'InvalidEnvironment';
  }
}

type Raw = Record<(typeof VARIABLES)[number], string | undefined>;
/** Environment variables as process.env holds them. */
export type Variables = Readonly<Record<string, string | undefined>>;

function read(source: Variables): Raw {
  // An empty value (`DATABASE_URL=` in a file of settings) counts as unset.
  return Object.fromEntries(VARIABLES.map((name) => [name, source[name] || undefined])) as Raw;
}

/**
 * Validates the given variables; throws InvalidEnvironment listing every
 * problem. With `serving`, production also requires AUTH_SECRET (not while
 * `next build` prerenders: that serves nobody).
 */
export function parseEnv(source: Variables = process.env, { serving = false } = {}): Env {
  const raw = read(source);
  const result = schema.safeParse(raw);
  const problems: Record<string, string[]> = result.success ? {} : { ...z.flattenError(result.error).fieldErrors };
  if (serving && raw.NODE_ENV === 'production' && raw.NEXT_PHASE !== 'phase-production-build' && !raw.AUTH_SECRET && !raw.AUTH_SECRET_FILE) {
    problems.AUTH_SECRET = [`is required in production: it signs sessions and consent links; ${MAKE_A_SECRET} and keep it the same across restarts (or name a file that keeps it in AUTH_SECRET_FILE)`];
  }
  const oidc = [raw.OIDC_ISSUER, raw.OIDC_CLIENT_ID, raw.OIDC_CLIENT_SECRET].filter(Boolean).length;
  if (oidc > 0 && oidc < 3) {
    for (const name of ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET'] as const) {
      if (!raw[name]) problems[name] = ['is required with the other OIDC_ settings: single sign-on needs all three'];
    }
  }
  if (!result.success || Object.keys(problems).length > 0) throw new InvalidEnvironment(problems);
  return result.data;
}

const cache = new Map<boolean, { key: string; env: Env }>();

function cachedParse(serving: boolean): Env {
  const key = JSON.stringify(VARIABLES.map((name) => process.env[name] ?? null));
  let entry = cache.get(serving);
  if (entry?.key !== key) cache.set(serving, (entry = { key, env: parseEnv(process.env, { serving }) }));
  return entry.env;
}

/**
 * The validated settings of this process. Every value is checked; AUTH_SECRET
 * is not required here, so that the database tools (migrations, `prisma
 * generate` in an install with NODE_ENV=production) run without it.
 */
export function env(): Env {
  return cachedParse(false);
}

/**
 * The settings of the running portal: env(), and in production AUTH_SECRET
 * too. The server calls it as it starts (instrumentation.ts), and so refuses
 * to start without its secret.
 */
export function serverEnv(): Env {
  return cachedParse(true);
}
