import 'server-only';
import { cache } from 'react';
import { notFound } from 'next/navigation';
import { prisma } from '@/lib/db/client';
import type { PartnerActor } from '@/lib/auth/actor';
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

/** The relationships through which a partner may act for a customer: active ones only. */
function activeFor(actor: PartnerActor) {
  return { partnerId: actor.partnerId, status: 'ACTIVE' as const };
}

/** The partner's customers with an active relationship, one page, searched and sorted in the database. */
export async function listCustomers(actor: PartnerActor, query: TableQuery<CustomerSortKey>): Promise<Page<CustomerRow>> {
  const where = {
    ...activeFor(actor),
    ...(query.q && {
      customer: { OR: [{ name: { contains: query.q } }, { domain: { contains: query.q } }] },
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

export interface CustomerDetails {
  id: string;
  name: string;
  domain: string;
  relationship: { kind: 'RESELLER' | 'OEM'; since: string | null };
}

/**
 * A customer the partner may act for, or null. A customer without an active
 * relationship is indistinguishable from one that does not exist.
 */
export const findCustomer = cache(async (actor: PartnerActor, customerId: string): Promise<CustomerDetails | null> => {
  const relationship = await prisma.relationship.findFirst({
    where: { ...activeFor(actor), customerId },
    select: { kind: true, approvedAt: true, customer: { select: { id: true, name: true, domain: true } } },
  });
  if (!relationship) return null;
  return {
    ...relationship.customer,
    relationship: { kind: relationship.kind, since: relationship.approvedAt?.toISOString() ?? null },
  };
});

/** For pages: the customer, or a 404. */
export async function getCustomerOrThrow(actor: PartnerActor, customerId: string): Promise<CustomerDetails> {
  const customer = await findCustomer(actor, customerId);
  if (!customer) notFound();
  return customer;
}
