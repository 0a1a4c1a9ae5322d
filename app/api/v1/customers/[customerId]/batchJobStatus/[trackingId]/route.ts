import { json, problems } from '@/lib/api/problem';
import { apiRoute } from '@/lib/api/route';
import { findJob, mayActFor } from '@/lib/data/api';

type Params = { customerId: string; trackingId: string };

/** A batch job's status, and per device, in request order, its outcome. */
export const GET = apiRoute<Params>(async ({ caller, params }) => {
  if (!(await mayActFor(caller, params.customerId))) return problems.noRelationship();
  const job = await findJob(caller, params.customerId, params.trackingId);
  if (!job) return problems.notFound('batch job');
  return json({
    batchTrackingId: job.id,
    batchId: job.batchId,
    status: job.status,
    startedTime: job.createdAt.toISOString(),
    lastUpdatedTime: (job.finishedAt ?? job.createdAt).toISOString(),
    devicesStatus: JSON.parse(job.results) as unknown[],
  });
});
