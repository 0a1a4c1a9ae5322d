import 'server-only';
import { prisma } from '@/lib/db/client';
import type { PartnerActor } from '@/lib/auth/actor';
import { canDeleteDevices } from '@/lib/auth/permissions';
import { deregisterDevice } from '@/lib/registration/deregister';
import { hasActiveRelationship } from './tenancy';
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

export async function listDevices(
  actor: PartnerActor,
  customerId: string,
  query: TableQuery<DeviceSortKey>,
): Promise<Page<DeviceRow>> {
  if (!(await hasActiveRelationship(actor.partnerId, customerId))) return { rows: [], total: 0, page: query.page, pageCount: 0 };
  const where = {
    customerId,
    partnerId: actor.partnerId,
    status: 'REGISTERED' as const,
    ...(query.q && { OR: [{ serialNumber: { contains: query.q } }, { groupTag: { contains: query.q } }] }),
  };
  const [total, rows] = await Promise.all([
    prisma.device.count({ where }),
    prisma.device.findMany({
      where,
      orderBy: [{ [SORT_COLUMN[query.sort]]: query.dir }, { id: 'asc' }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
      select: {
        id: true,
        serialNumber: true,
        productKey: true,
        hashDigest: true,
        manufacturer: true,
        model: true,
        groupTag: true,
        createdAt: true,
      },
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
export async function listBatches(actor: PartnerActor, customerId: string, take = 10): Promise<BatchRow[]> {
  if (!(await hasActiveRelationship(actor.partnerId, customerId))) return [];
  const batches = await prisma.deviceBatch.findMany({
    where: { customerId, partnerId: actor.partnerId },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take,
    select: {
      id: true,
      createdAt: true,
      deviceCount: true,
      groupTag: true,
      source: true,
      sourceDetail: true,
      uploadedBy: { select: { name: true } },
    },
  });
  return batches.map(({ uploadedBy, createdAt, ...b }) => ({ ...b, createdAt: createdAt.toISOString(), uploadedBy: uploadedBy?.name ?? null }));
}

export type DeleteOutcome = 'deleted' | 'forbidden' | 'not-found';

/**
 * Deregisters one device: admin agents only, for a customer with an active
 * relationship, and only a device this partner registered.
 */
export async function deleteDevice(actor: PartnerActor, customerId: string, deviceId: string): Promise<DeleteOutcome> {
  if (!canDeleteDevices(actor.role)) return 'forbidden';
  const done = await deregisterDevice(prisma, {
    partnerId: actor.partnerId,
    customerId,
    deviceId,
    actorId: actor.userId,
    actorEmail: actor.email,
    via: 'portal',
  });
  return done ? 'deleted' : 'not-found';
}
