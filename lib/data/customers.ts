import 'server-only';
import { prisma } from '@/lib/db/client';
import { containsText } from '@/lib/db/text-search';
import type { Principal } from '@/lib/auth/principal';
import { activeRelationshipWhere } from './scope';
import type { Page, TableQuery } from './paging';

export const CUSTOMER_SORT_KEYS = ['name', 'domain', 'since'] as const;
export type CustomerSortKey = (typeof CUSTOMER_SORT_KEYS)[number];

export interface CustomerRow {
  id: string;
  name: string;
  domain: string;
  kind: 'RESELLER' | 'OEM';
  since: string | null;
}

/** The customers the principal may act for, one page, searched and sorted in the database. */
export async function listCustomers(principal: Principal, query: TableQuery<CustomerSortKey>): Promise<Page<CustomerRow>> {
  const where = {
    ...activeRelationshipWhere(principal),
    ...(query.q && {
      customer: { OR: [{ name: containsText(query.q) }, { domain: containsText(query.q) }] },
    }),
  };
  const orderBy =
    query.sort === 'since'
      ? [{ approvedAt: query.dir }, { customer: { name: 'asc' as const } }]
      : [{ customer: { [query.sort]: query.dir } }, { id: 'asc' as const }];
  const [total, rows] = await Promise.all([
    prisma.relationship.count({ where }),
    prisma.relationship.findMany({
      where,
      orderBy,
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
      select: { kind: true, approvedAt: true, customer: { select: { id: true, name: true, domain: true } } },
    }),
  ]);
  return {
    rows: rows.map((r) => ({
      id: r.customer.id,
      name: r.customer.name,
      domain: r.customer.domain,
      kind: r.kind,
      since: r.approvedAt?.toISOString() ?? null,
    })),
    total,
    page: query.page,
    pageCount: Math.ceil(total / query.pageSize),
  };
}
