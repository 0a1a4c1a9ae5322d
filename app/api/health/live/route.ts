/** Liveness, for a load balancer or an orchestrator: the process answers. Nothing else is checked (see /api/health/ready). */
export const dynamic = 'force-dynamic';

export function GET(): Response {
  return Response.json({ status: 'live' }, { headers: { 'cache-control': 'no-store' } });
}
