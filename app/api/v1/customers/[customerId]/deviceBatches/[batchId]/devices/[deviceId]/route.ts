import { problems } from '@/lib/api/problem';
import { apiRoute } from '@/lib/api/route';
import { deleteApiDevice, mayActFor } from '@/lib/data/api';

type Params = { customerId: string; batchId: string; deviceId: string };

/** Deregisters one device. */
export const DELETE = apiRoute<Params>(async ({ caller, params }) => {
  if (!(await mayActFor(caller, params.customerId))) return problems.noRelationship();
  const deleted = await deleteApiDevice(caller, params.customerId, params.batchId, params.deviceId);
  if (!deleted) return problems.notFound('device in this batch');
  return new Response(null, { status: 204 });
});
