import type { StoredAnswer } from '@/lib/services/api-batches';

/** The 202 answer to a request that registered devices: the status resource in Location. */
export function acceptedAnswer(customerId: string, done: { trackingId: string; batchId: string }): StoredAnswer {
  const location = `/api/v1/customers/${customerId}/batchJobStatus/${done.trackingId}`;
  return { status: 202, location, body: JSON.stringify({ batchTrackingId: done.trackingId, batchId: done.batchId, statusUrl: location }) };
}

/** The answer as sent; a replay under an Idempotency-Key says so. */
export function respondWith(answer: StoredAnswer, replayed = false): Response {
  return new Response(answer.body, {
    status: answer.status,
    headers: { 'content-type': 'application/json', ...(answer.location && { location: answer.location }), ...(replayed && { 'idempotent-replayed': 'true' }) },
  });
}
