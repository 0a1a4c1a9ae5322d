import 'server-only';
import { prisma } from '@/lib/db/client';
import { containsText } from '@/lib/db/text-search';
import { ownedBy, type CustomerScope } from './scope';
import type { Page, TableQuery } from './paging';

export const DEVICE_SORT_KEYS = ['added', 'serial', 'groupTag'] as const;
export type DeviceSortKey = (typeof DEVICE_SORT_KEYS)[number];

export interface DeviceRow {
  id: string;
  serialNumber: string | null;
  productKey: string | null;
  hasHash: boolean;
  manufacturer: string | null;
  model: string | null;
  groupTag: string;
  added: string;
}

const SORT_COLUMN = { added: 'createdAt', serial: 'serialNumber', groupTag: 'groupTag' } as const;

/**
 * The devices the partner registered for the customer, one page. The scope
 * was checked once at the door; the rows are then read by index alone (a
 * relationship test repeated on each of 100,000 rows would cost more than the page).
 */
export async function listDevices(scope: CustomerScope, query: TableQuery<DeviceSortKey>): Promise<Page<DeviceRow>> {
  const where = {
    ...ownedBy(scope),
    status: 'REGISTERED' as const,
    ...(query.q && { OR: [{ serialNumber: containsText(query.q) }, { groupTag: containsText(query.q) }] }),
  };
  const [total, rows] = await Promise.all([
    prisma.device.count({ where }),
    prisma.device.findMany({
      where,
      orderBy: [{ [SORT_COLUMN[query.sort]]: query.dir }, { id: 'asc' }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
      select: { id: true, serialNumber: true, productKey: true, hashDigest: true, manufacturer: true, model: true, groupTag: true, createdAt: true },
    }),
  ]);
  return {
    rows: rows.map(({ hashDigest, createdAt, ...d }) => ({ ...d, hasHash: hashDigest !== null, added: createdAt.toISOString() })),
    total,
    page: query.page,
    pageCount: Math.ceil(total / query.pageSize),
  };
}

export interface BatchRow {
  id: string;
  createdAt: string;
  uploadedBy: string | null;
  deviceCount: number;
  groupTag: string;
  source: 'FILES' | 'API';
  sourceDetail: string;
}

/** The partner's latest batches for the customer. */
export async function listBatches(scope: CustomerScope, take = 10): Promise<BatchRow[]> {
  const batches = await prisma.deviceBatch.findMany({
    where: ownedBy(scope),
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take,
    select: { id: true, createdAt: true, deviceCount: true, groupTag: true, source: true, sourceDetail: true, uploadedBy: { select: { name: true } } },
  });
  return batches.map(({ uploadedBy, createdAt, ...b }) => ({ ...b, createdAt: createdAt.toISOString(), uploadedBy: uploadedBy?.name ?? null }));
}
