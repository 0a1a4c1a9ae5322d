import { createHash } from 'node:crypto';
import { z } from 'zod';
import { API_LIMITS, createBatchInput, submitDevices } from '@/lib/api/device-batches';
import { json, problemResponse, problems } from '@/lib/api/problem';
import { submitFailure } from '@/lib/api/responses';
import { apiRoute, readJson } from '@/lib/api/route';
import { listApiBatches, mayActFor } from '@/lib/data/api';
import { findIdempotent, rememberIdempotent } from '@/lib/data/idempotency';

type Params = { customerId: string };

export const GET = apiRoute<Params>(async ({ caller, params }) => {
  if (!(await mayActFor(caller, params.customerId))) return problems.noRelationship();
  const items = await listApiBatches(caller, params.customerId);
  return json({ totalCount: items.length, items, attributes: { objectType: 'Collection' } });
});

/**
 * Creates a batch with its devices. Answers 202 with the status resource in
 * Location: the contract is asynchronous, whatever the processing.
 */
export const POST = apiRoute<Params>(async ({ request, caller, params }) => {
  const idempotencyKey = request.headers.get('idempotency-key');
  if (idempotencyKey !== null && !/^[\x21-\x7e]{1,255}$/.test(idempotencyKey)) {
    return problems.badRequest('InvalidIdempotencyKey', 'Idempotency-Key must be 1 to 255 visible ASCII characters.');
  }
  const read = await readJson(request, API_LIMITS.maxBodyBytes);
  if (!read.ok) return read.response;
  const input = createBatchInput.safeParse(read.body);
  if (!input.success) {
    return problems.badRequest('InvalidRequest', 'The body does not match the device batch schema.', { errors: z.flattenError(input.error) });
  }
  if (!(await mayActFor(caller, params.customerId))) return problems.noRelationship();

  const fingerprint = createHash('sha256').update(`${params.customerId}\n${JSON.stringify(input.data)}`).digest('hex');
  if (idempotencyKey) {
    const previous = await findIdempotent(caller, idempotencyKey);
    if (previous) {
      if (previous.requestHash !== fingerprint) {
        return problemResponse(422, 'IdempotencyKeyReused', 'Idempotency-Key reused', 'This Idempotency-Key was used for a different request.');
      }
      return new Response(previous.body, {
        status: previous.status,
        headers: { 'content-type': 'application/json', ...(previous.location && { location: previous.location }), 'idempotent-replayed': 'true' },
      });
    }
  }

  const name = input.data.name ?? input.data.batchId ?? null;
  // As in the portal, the batch's name is the group tag unless one is given.
  const groupTag = input.data.groupTag ?? input.data.batchId ?? input.data.name ?? '';
  const result = await submitDevices(caller, params.customerId, { name, groupTag, devices: input.data.devices });
  if (!result.ok) return submitFailure(result, problems.noRelationship, () => problems.notFound('batch'));

  const location = `/api/v1/customers/${params.customerId}/batchJobStatus/${result.trackingId}`;
  const body = JSON.stringify({ batchTrackingId: result.trackingId, batchId: result.batchId, statusUrl: location });
  if (idempotencyKey) await rememberIdempotent(caller, idempotencyKey, fingerprint, { status: 202, location, body });
  return new Response(body, { status: 202, headers: { 'content-type': 'application/json', location } });
});
