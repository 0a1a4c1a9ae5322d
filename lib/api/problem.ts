/**
 * Every API error in one JSON shape: RFC 9457 problem details, with the same
 * stable codes as the validator where a problem comes from it.
 */
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
  const body: ProblemBody = { type: `/api/v1/openapi.json#/components/schemas/Problem/${code}`, title, status, detail, code, ...extensions };
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/problem+json', ...headers } });
}

export const problems = {
  unauthorized: () =>
    problemResponse(401, 'Unauthorized', 'Unauthorized', 'Send a valid API key: Authorization: Bearer <key>.', {}, { 'www-authenticate': 'Bearer' }),
  /** Partner Center's answer when the caller has no relationship with the customer; also for a customer that does not exist. */
  noRelationship: () =>
    problemResponse(403, 'NoRelationship', 'No relationship between caller and account.', 'The caller has no active relationship with this customer.', {
      partnerCenterCode: 20002,
    }),
  notFound: (what: string) => problemResponse(404, 'NotFound', 'Not found', `No such ${what}.`),
  rateLimited: (retryAfter: number) =>
    problemResponse(429, 'RateLimited', 'Too many requests', `Too many requests for this key; retry in ${retryAfter} s.`, {}, { 'retry-after': String(retryAfter) }),
  badRequest: (code: string, detail: string, extensions: Record<string, unknown> = {}) =>
    problemResponse(400, code, 'Bad request', detail, extensions),
  tooLarge: (limit: number) => problemResponse(413, 'PayloadTooLarge', 'Payload too large', `The request body is over ${limit} bytes.`),
  unsupportedMediaType: () => problemResponse(415, 'UnsupportedMediaType', 'Unsupported media type', 'Send the body as application/json.'),
  internal: () => problemResponse(500, 'InternalError', 'Internal error', 'Something went wrong on our side; nothing was stored. Retry later.'),
};

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}
