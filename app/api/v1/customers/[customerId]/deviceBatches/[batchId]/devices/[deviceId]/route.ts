import { customerRoute } from '@/lib/api/route';
import { deregisterDevice } from '@/lib/services/deregistration';

type Params = { customerId: string; batchId: string; deviceId: string };

/** Deregisters one device of the batch. */
export const DELETE = customerRoute<Params>('devices:delete', async ({ scope, params }) => {
  await deregisterDevice(scope, { deviceId: params.deviceId, batchId: params.batchId });
  return new Response(null, { status: 204 });
});
