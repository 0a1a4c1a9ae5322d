/**
 * Readiness, for a load balancer: 200 when the database answers, its
 * migrations are all applied and the instance is not shutting down; else 503
 * with what is wrong. Says nothing more than that to anyone who asks.
 */
import { readiness } from '@/lib/data/health';

export const dynamic = 'force-dynamic';

export async function GET(): Promise<Response> {
  const { ready, checks, pending } = await readiness();
  return Response.json({ status: ready ? 'ready' : 'not ready', checks, ...(pending.length > 0 && { pending }) }, { status: ready ? 200 : 503, headers: { 'cache-control': 'no-store' } });
}
