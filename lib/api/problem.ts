/**
 * Every API error in one JSON shape: RFC 9457 problem details, with the same
 * stable codes as the validator where a problem comes from it. The services'
 * AppError is mapped here, once.
 */
import { describeProblem } from '@/lib/autopilot';
import type { AppError, AppErrorCode } from '@/lib/errors';

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  [extension: string]: unknown;
}

export function problemResponse(
  status: number,
  code: string,
  title: string,
  detail: string,
  extensions: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Response {
  // The type points at the Problem schema in the OpenAPI document, which lists every `code`.
  const body: ProblemBody = { type: '/api/v1/openapi.json#/components/schemas/Problem', title, status, detail, code, ...extensions };
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/problem+json', ...headers } });
}

/** The problems of HTTP itself, before any service is called. */
export const problems = {
  unauthorized: () =>
    problemResponse(401, 'Unauthorized', 'Unauthorized', 'Send a valid API key: Authorization: Bearer <key>.', {}, { 'www-authenticate': 'Bearer' }),
  rateLimited: (retryAfter: number) =>
    problemResponse(429, 'RateLimited', 'Too many requests', `Too many requests for this key; retry in ${retryAfter} s.`, {}, { 'retry-after': String(retryAfter) }),
  badRequest: (code: string, detail: string, extensions: Record<string, unknown> = {}) => problemResponse(400, code, 'Bad request', detail, extensions),
  tooLarge: (limit: number) => problemResponse(413, 'PayloadTooLarge', 'Payload too large', `The request body is over ${limit} bytes.`),
  unsupportedMediaType: () => problemResponse(415, 'UnsupportedMediaType', 'Unsupported media type', 'Send the body as application/json.'),
  unavailable: (retryAfter = 30) =>
    problemResponse(503, 'StorageUnavailable', 'Storage unavailable', 'The portal cannot store anything now; nothing was stored. Retry later.', {}, { 'retry-after': String(retryAfter) }),
  internal: () => problemResponse(500, 'InternalError', 'Internal error', 'Something went wrong on our side; nothing was stored. Retry later.'),
};

/** Each service error's HTTP status, problem code and title. */
const MAPPING: Record<AppErrorCode, { status: number; code: string; title: string }> = {
  UNAUTHENTICATED: { status: 401, code: 'Unauthorized', title: 'Unauthorized' },
  FORBIDDEN: { status: 403, code: 'InsufficientScope', title: 'The API key’s scopes do not allow this.' },
  // Partner Center's answer when the caller has no relationship with the customer; also for a customer that does not exist.
  NO_RELATIONSHIP: { status: 403, code: 'NoRelationship', title: 'No relationship between caller and account.' },
  NOT_FOUND: { status: 404, code: 'NotFound', title: 'Not found' },
  INVALID_INPUT: { status: 400, code: 'InvalidRequest', title: 'Bad request' },
  INVALID_DEVICES: { status: 400, code: 'InvalidRequest', title: 'The request cannot be processed' },
  NOT_SUPPORTED: { status: 400, code: 'NotSupported', title: 'Not supported' },
  IDEMPOTENCY_IN_PROGRESS: { status: 409, code: 'IdempotencyKeyInProgress', title: 'A request with this Idempotency-Key is being processed' },
  IDEMPOTENCY_KEY_REUSED: { status: 422, code: 'IdempotencyKeyReused', title: 'Idempotency-Key reused' },
  CONFLICT: { status: 409, code: 'Conflict', title: 'Conflict' },
  UNAVAILABLE: { status: 503, code: 'StorageUnavailable', title: 'Storage unavailable' },
};

export function problemFor(error: AppError): Response {
  const { status, code, title } = MAPPING[error.code];
  if (error.code === 'UNAUTHENTICATED') return problems.unauthorized();
  if (error.code === 'UNAVAILABLE') return problems.unavailable();
  if (error.code === 'NO_RELATIONSHIP') {
    return problemResponse(status, code, title, 'The caller has no active relationship with this customer.', { partnerCenterCode: 20002 });
  }
  if (error.code === 'NOT_FOUND') return problemResponse(status, code, title, `No such ${error.details.reason ?? 'resource'}.`);
  if (error.code === 'INVALID_DEVICES' && error.details.problems?.length) {
    // The validator's problems with the request as a whole, as one problem listing them, named by the first.
    const list = error.details.problems;
    const first = list[0]!;
    return problemResponse(status, first.code, title, describeProblem(first, 'en').message, {
      errors: list.map((p) => ({ code: p.code, ...describeProblem(p, 'en') })),
    });
  }
  return problemResponse(status, code, title, error.message, error.details.fields ? { fields: error.details.fields } : {});
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}
