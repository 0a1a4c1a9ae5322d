import { z } from 'zod';
import { API_LIMITS, addDevicesInput, submitDevices } from '@/lib/api/device-batches';
import { json, problems } from '@/lib/api/problem';
import { submitFailure } from '@/lib/api/responses';
import { apiRoute, readJson } from '@/lib/api/route';
import { findApiBatch, listBatchDevices, mayActFor } from '@/lib/data/api';

type Params = { customerId: string; batchId: string };

/** The batch's devices, 100 a page; the next page with the `MS-ContinuationToken` header (or `continuationToken` query). */
export const GET = apiRoute<Params>(async ({ request, caller, params }) => {
  if (!(await mayActFor(caller, params.customerId))) return problems.noRelationship();
  if (!(await findApiBatch(caller, params.customerId, params.batchId))) return problems.notFound('batch');
  const token = request.headers.get('ms-continuationtoken') ?? new URL(request.url).searchParams.get('continuationToken');
  let after: string | null = null;
  if (token) {
    after = Buffer.from(token, 'base64url').toString('utf8');
    if (!/^[A-Za-z0-9-]{1,64}$/.test(after)) return problems.badRequest('InvalidContinuationToken', 'The continuation token is not one this API gave.');
  }
  const page = await listBatchDevices(caller, params.customerId, params.batchId, after);
  const continuationToken = page.lastId ? Buffer.from(page.lastId).toString('base64url') : null;
  return json(
    { totalCount: page.total, items: page.devices, continuationToken, attributes: { objectType: 'Collection' } },
    200,
    continuationToken ? { 'ms-continuationtoken': continuationToken } : {},
  );
});

/** Adds devices to an existing batch, under the batch's group tag. */
export const POST = apiRoute<Params>(async ({ request, caller, params }) => {
  const read = await readJson(request, API_LIMITS.maxBodyBytes);
  if (!read.ok) return read.response;
  const input = addDevicesInput.safeParse(read.body);
  if (!input.success) return problems.badRequest('InvalidRequest', 'The body does not match the devices schema.', { errors: z.flattenError(input.error) });
  if (!(await mayActFor(caller, params.customerId))) return problems.noRelationship();
  const batch = await findApiBatch(caller, params.customerId, params.batchId);
  if (!batch) return problems.notFound('batch');
  const result = await submitDevices(caller, params.customerId, {
    name: batch.name,
    groupTag: batch.groupTag,
    devices: input.data.devices,
    existingBatchId: batch.id,
  });
  if (!result.ok) return submitFailure(result, problems.noRelationship, () => problems.notFound('batch'));
  const location = `/api/v1/customers/${params.customerId}/batchJobStatus/${result.trackingId}`;
  return json({ batchTrackingId: result.trackingId, batchId: batch.id, statusUrl: location }, 202, { location });
});
