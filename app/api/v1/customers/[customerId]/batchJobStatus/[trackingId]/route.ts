import { batchJobStatus, jsonOf, type BatchJobStatus } from '@/lib/api/response-schemas';
import { customerRoute } from '@/lib/api/route';
import { findJob } from '@/lib/data/api';
import { AppError } from '@/lib/errors';
import type { DeviceStatus } from '@/lib/services/api-batches';

type Params = { customerId: string; trackingId: string };

/** A batch job's status, and per device, in request order, its outcome. */
export const GET = customerRoute<Params>('devices:read', async ({ scope, params }) => {
  const job = await findJob(scope, params.trackingId);
  if (!job) throw new AppError('NOT_FOUND', 'No such batch job.', { reason: 'batch job' });
  return jsonOf(batchJobStatus, {
    batchTrackingId: job.id,
    batchId: job.batchId,
    // Both columns are written only by submitDevices (lib/services/api-batches.ts), in these types.
    status: job.status as BatchJobStatus['status'],
    startedTime: job.createdAt.toISOString(),
    lastUpdatedTime: (job.finishedAt ?? job.createdAt).toISOString(),
    devicesStatus: JSON.parse(job.results) as DeviceStatus[],
  });
});
