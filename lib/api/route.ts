import { callerForKey, type ApiCaller } from '@/lib/data/api';
import { apiKeyHash, bearerKey } from './keys';
import { problems } from './problem';
import { apiRateLimit } from './rate-limit';

/**
 * Every API route: who is asking (a live, unrevoked key, read from the
 * database), within the key's rate, and never a 500 that says more than
 * "retry later".
 */
export function apiRoute<Params>(handler: (context: { request: Request; caller: ApiCaller; params: Params }) => Promise<Response>) {
  return async (request: Request, { params }: { params: Promise<Params> }): Promise<Response> => {
    try {
      const key = bearerKey(request.headers.get('authorization'));
      if (!key) return problems.unauthorized();
      const rate = apiRateLimit.take(apiKeyHash(key));
      if (!rate.ok) return problems.rateLimited(rate.retryAfter);
      const caller = await callerForKey(key);
      if (!caller) return problems.unauthorized();
      return await handler({ request, caller, params: await params });
    } catch (error) {
      console.error(error);
      return problems.internal();
    }
  };
}

/** A request's JSON body, within a size cap; or the problem to answer. */
export async function readJson(request: Request, maxBytes: number): Promise<{ ok: true; body: unknown } | { ok: false; response: Response }> {
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/(.+\+)?json\b/i.test(type)) return { ok: false, response: problems.unsupportedMediaType() };
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > maxBytes) return { ok: false, response: problems.tooLarge(maxBytes) };
  const text = await request.text();
  if (Buffer.byteLength(text) > maxBytes) return { ok: false, response: problems.tooLarge(maxBytes) };
  try {
    return { ok: true, body: JSON.parse(text) };
  } catch (error) {
    return { ok: false, response: problems.badRequest('MalformedJson', `The body is not valid JSON: ${error instanceof Error ? error.message : 'parse error'}.`) };
  }
}
