import { acceptedAnswer, respondWith } from '@/lib/api/accepted';
import { deviceBatchCollection, jsonOf } from '@/lib/api/response-schemas';
import { customerRoute, readBody, readIdempotencyKey } from '@/lib/api/route';
import { deviceBatchCreationRequest, toIdentifiers } from '@/lib/api/schemas';
import { listApiBatches } from '@/lib/data/api';
import { requestFingerprint, submitDevices } from '@/lib/services/api-batches';

type Params = { customerId: string };

export const GET = customerRoute<Params>('devices:read', async ({ scope }) => {
  const { items, total } = await listApiBatches(scope);
  return jsonOf(deviceBatchCollection, { totalCount: total, items, attributes: { objectType: 'Collection' } });
});

/**
 * Creates a batch with its devices. Answers 202 with the status resource in
 * Location: the contract is asynchronous, whatever the processing. A retry
 * with the same Idempotency-Key and body gets the first answer.
 */
export const POST = customerRoute<Params>('devices:add', async ({ request, scope }) => {
  const key = readIdempotencyKey(request);
  if (!key.ok) return key.response;
  const input = await readBody(request, deviceBatchCreationRequest, 'device batch');
  if (!input.ok) return input.response;
  const name = input.data.name ?? input.data.batchId ?? null;
  // As in the portal, the batch's name is the group tag unless one is given.
  const groupTag = input.data.groupTag ?? input.data.batchId ?? input.data.name ?? '';
  const result = await submitDevices(
    scope,
    {
      name,
      groupTag,
      devices: input.data.devices.map(toIdentifiers),
      ...(key.key !== null && { idempotency: { key: key.key, fingerprint: requestFingerprint(scope.customerId, input.data) } }),
    },
    (done) => acceptedAnswer(scope.customerId, done),
  );
  return respondWith(result.answer, result.replayed);
});
