import { apiRoute } from '@/lib/api/route';
import { json } from '@/lib/api/problem';
import { listApiCustomers } from '@/lib/data/api';

/** The customers the caller may act for. */
export const GET = apiRoute(async ({ caller }) => {
  const items = await listApiCustomers(caller);
  return json({ totalCount: items.length, items, attributes: { objectType: 'Collection' } });
});
