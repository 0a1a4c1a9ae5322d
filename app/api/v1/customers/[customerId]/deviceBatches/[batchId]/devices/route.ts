import { problems } from '@/lib/api/problem';
import { deviceCollection, jsonOf } from '@/lib/api/response-schemas';
import { customerRoute, readBody, readIdempotencyKey } from '@/lib/api/route';
import { addDevicesRequest, toIdentifiers } from '@/lib/api/schemas';
import { findApiBatch, listBatchDevices } from '@/lib/data/api';
import { AppError } from '@/lib/errors';
import { requestFingerprint, submitDevices } from '@/lib/services/api-batches';
import { acceptedAnswer, respondWith } from '@/lib/api/accepted';

type Params = { customerId: string; batchId: string };

/** The batch's devices, 100 a page; the next page with the `MS-ContinuationToken` header (or `continuationToken` query). */
export const GET = customerRoute<Params>('devices:read', async ({ request, scope, params }) => {
  if (!(await findApiBatch(scope, params.batchId))) throw new AppError('NOT_FOUND', 'No such batch.', { reason: 'batch' });
  const token = request.headers.get('ms-continuationtoken') ?? new URL(request.url).searchParams.get('continuationToken');
  let after: string | null = null;
  if (token) {
    after = Buffer.from(token, 'base64url').toString('utf8');
    if (!/^[A-Za-z0-9-]{1,64}$/.test(after)) return problems.badRequest('InvalidContinuationToken', 'The continuation token is not one this API gave.');
  }
  const page = await listBatchDevices(scope, params.batchId, after);
  const continuationToken = page.lastId ? Buffer.from(page.lastId).toString('base64url') : null;
  return jsonOf(
    deviceCollection,
    { totalCount: page.total, items: page.devices, continuationToken, attributes: { objectType: 'Collection' } },
    200,
    continuationToken ? { 'ms-continuationtoken': continuationToken } : {},
  );
});

/** Adds devices to an existing batch, under the batch's group tag. A retry with the same Idempotency-Key and body gets the first answer. */
export const POST = customerRoute<Params>('devices:add', async ({ request, scope, params }) => {
  const key = readIdempotencyKey(request);
  if (!key.ok) return key.response;
  const input = await readBody(request, addDevicesRequest, 'devices');
  if (!input.ok) return input.response;
  const batch = await findApiBatch(scope, params.batchId);
  if (!batch) throw new AppError('NOT_FOUND', 'No such batch.', { reason: 'batch' });
  const result = await submitDevices(
    scope,
    {
      name: batch.name,
      groupTag: batch.groupTag,
      devices: input.data.devices.map(toIdentifiers),
      existingBatchId: batch.id,
      ...(key.key !== null && { idempotency: { key: key.key, fingerprint: requestFingerprint(`${scope.customerId}/${batch.id}`, input.data) } }),
    },
    (done) => acceptedAnswer(scope.customerId, done),
  );
  return respondWith(result.answer, result.replayed);
});
