import { customerCollection, jsonOf } from '@/lib/api/response-schemas';
import { apiRoute } from '@/lib/api/route';
import { listApiCustomers } from '@/lib/data/api';

/** The customers the caller may act for. */
export const GET = apiRoute('customers:read', async ({ principal }) => {
  const items = await listApiCustomers(principal);
  return jsonOf(customerCollection, { totalCount: items.length, items, attributes: { objectType: 'Collection' } });
});
