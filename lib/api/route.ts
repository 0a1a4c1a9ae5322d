/**
 * The door of every API route: who is asking (a live, unrevoked key, read
 * from the database), within the key's rate, with the scope the operation
 * needs and, for a customer's resources, the customer scope resolved here.
 * A handler cannot skip a step: it only gets the principal and the scope
 * from here. The services' errors are mapped once to problems; anything
 * else is a 500 that says no more than "retry later".
 */
import { z } from 'zod';
import { API_MAX_DEVICES, deviceCountProblem } from '@/lib/autopilot';
import { bearerKey } from '@/lib/auth/api-keys';
import { isStorageUnavailable } from '@/lib/db/errors';
import type { Permission } from '@/lib/auth/permissions';
import { can, type ApiKeyPrincipal } from '@/lib/auth/principal';
import { principalForApiKey, takeApiRequest } from '@/lib/data/api-keys';
import { requireCustomerScope, type CustomerScope } from '@/lib/data/scope';
import { AppError, isAppError } from '@/lib/errors';
import { problemFor, problems } from './problem';
import { idempotencyKey, maxBodyBytes } from './schemas';

type RouteContext<Params> = { params: Promise<Params> };

async function principalOf(request: Request): Promise<ApiKeyPrincipal | Response> {
  const key = bearerKey(request.headers.get('authorization'));
  if (!key) return problems.unauthorized();
  const principal = await principalForApiKey(key);
  if (!principal) return problems.unauthorized();
  // Counted in the database, so that every instance of the portal counts the same requests.
  const rate = await takeApiRequest(principal.keyId);
  return rate.ok ? principal : problems.rateLimited(rate.retryAfter);
}

async function guarded(run: () => Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (error) {
    if (isAppError(error)) return problemFor(error);
    if (isStorageUnavailable(error)) {
      console.warn('The database refused to store a request.', error);
      return problems.unavailable();
    }
    console.error(error);
    return problems.internal();
  }
}

/** A route of the principal's own (the customer list). */
export function apiRoute<Params>(
  permission: Permission,
  handler: (context: { request: Request; principal: ApiKeyPrincipal; params: Params }) => Promise<Response>,
) {
  return (request: Request, { params }: RouteContext<Params>): Promise<Response> =>
    guarded(async () => {
      const principal = await principalOf(request);
      if (principal instanceof Response) return principal;
      if (!can(principal, permission)) throw new AppError('FORBIDDEN', 'The API key’s scopes do not allow this.');
      return handler({ request, principal, params: await params });
    });
}

/** A route under /customers/{customerId}: the handler gets the customer scope, or the caller a 403 (Partner Center's 20002). */
export function customerRoute<Params extends { customerId: string }>(
  permission: Permission,
  handler: (context: { request: Request; scope: CustomerScope; params: Params }) => Promise<Response>,
) {
  return apiRoute<Params>(permission, async ({ request, principal, params }) =>
    handler({ request, scope: await requireCustomerScope(principal, params.customerId), params }),
  );
}

/**
 * The media types this API reads as JSON: application/json and
 * application/<something>+json, but not merge-patch (RFC 7396), whose
 * meaning (a patch, where null deletes) is not what any endpoint here takes.
 */
export function isJsonMediaType(contentType: string | null): boolean {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  return (type === 'application/json' || /^application\/[a-z0-9.!#$&^_-]+\+json$/.test(type)) && type !== 'application/merge-patch+json';
}

/**
 * A request body read as a stream, stopped as soon as it crosses `maxBytes`
 * (whatever Content-Length says, and for chunked bodies that declare none):
 * null when too large. Nothing beyond the cap is kept in memory.
 */
export async function readCapped(request: Request, maxBytes: number): Promise<Uint8Array | null> {
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > maxBytes) return null;
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, size);
}

/** A request's JSON body, within a size cap; or the problem to answer. */
export async function readJson(request: Request, maxBytes: number): Promise<{ ok: true; body: unknown } | { ok: false; response: Response }> {
  if (!isJsonMediaType(request.headers.get('content-type'))) return { ok: false, response: problems.unsupportedMediaType() };
  const bytes = await readCapped(request, maxBytes);
  if (bytes === null) return { ok: false, response: problems.tooLarge(maxBytes) };
  try {
    return { ok: true, body: JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) };
  } catch (error) {
    return { ok: false, response: problems.badRequest('MalformedJson', `The body is not valid JSON: ${error instanceof Error ? error.message : 'parse error'}.`) };
  }
}

/** How many devices a body lists, when it lists any. */
function devicesListed(body: unknown): number | null {
  const devices = typeof body === 'object' && body !== null && 'devices' in body ? body.devices : null;
  return Array.isArray(devices) ? devices.length : null;
}

/**
 * A request's JSON body parsed by its schema, or the problem to answer: too
 * many devices is named as the validator names it (TOO_MANY_DEVICES), any
 * other mismatch is InvalidRequest with zod's field errors.
 */
export async function readBody<S extends z.ZodType>(request: Request, schema: S, what: string): Promise<{ ok: true; data: z.output<S> } | { ok: false; response: Response }> {
  const read = await readJson(request, maxBodyBytes());
  if (!read.ok) return read;
  const parsed = schema.safeParse(read.body);
  if (parsed.success) return { ok: true, data: parsed.data };
  const listed = devicesListed(read.body);
  const tooMany = listed === null ? null : deviceCountProblem(listed, API_MAX_DEVICES);
  if (tooMany) return { ok: false, response: problemFor(new AppError('INVALID_DEVICES', 'Too many devices.', { problems: [tooMany] })) };
  return { ok: false, response: problems.badRequest('InvalidRequest', `The body does not match the ${what} schema.`, { errors: z.flattenError(parsed.error) }) };
}

/** The request's Idempotency-Key: none, a valid one, or the problem to answer. */
export function readIdempotencyKey(request: Request): { ok: true; key: string | null } | { ok: false; response: Response } {
  const header = request.headers.get('idempotency-key');
  if (header === null) return { ok: true, key: null };
  const key = idempotencyKey.safeParse(header);
  if (!key.success) return { ok: false, response: problems.badRequest('InvalidIdempotencyKey', 'Idempotency-Key must be 1 to 255 visible ASCII characters.') };
  return { ok: true, key: key.data };
}
