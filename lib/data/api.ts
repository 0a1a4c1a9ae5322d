/**
 * What the REST API reads, in Partner Center's shapes. Every read is of one
 * customer scope (or, for the customer list, of the principal's active
 * relationships): tenancy is in each query, not in the route handlers.
 */
import 'server-only';
import { prisma } from '@/lib/db/client';
import type { Principal } from '@/lib/auth/principal';
import { activeRelationshipWhere, ownedBy, type CustomerScope } from './scope';

export async function listApiCustomers(principal: Principal) {
  const rows = await prisma.relationship.findMany({
    where: activeRelationshipWhere(principal),
    orderBy: [{ customer: { name: 'asc' } }, { id: 'asc' }],
    select: { kind: true, approvedAt: true, customer: { select: { id: true, name: true, domain: true } } },
  });
  return rows.map((r) => ({
    id: r.customer.id,
    companyProfile: { companyName: r.customer.name, domain: r.customer.domain },
    relationshipToPartner: r.kind === 'OEM' ? ('oem' as const) : ('reseller' as const),
    relationshipSince: r.approvedAt?.toISOString() ?? null,
  }));
}

const BATCH_SELECT = { id: true, name: true, groupTag: true, createdAt: true, deviceCount: true, source: true, sourceDetail: true, uploadedBy: { select: { email: true } } } as const;

/** The partner's batches for the customer, newest first: the latest 1,000, and how many there are in all. */
export async function listApiBatches(scope: CustomerScope) {
  const [rows, total] = await Promise.all([
    prisma.deviceBatch.findMany({ where: ownedBy(scope), orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: 1000, select: BATCH_SELECT }),
    prisma.deviceBatch.count({ where: ownedBy(scope) }),
  ]);
  return { items: rows.map(batchBody), total };
}

function batchBody(b: {
  id: string;
  name: string | null;
  groupTag: string;
  createdAt: Date;
  deviceCount: number;
  source: 'FILES' | 'API';
  sourceDetail: string;
  uploadedBy: { email: string } | null;
}) {
  return {
    id: b.id,
    name: b.name,
    groupTag: b.groupTag,
    createdBy: b.source === 'API' ? `API: ${b.sourceDetail}` : (b.uploadedBy?.email ?? null),
    creationDate: b.createdAt.toISOString(),
    devicesCount: b.deviceCount,
    source: b.source === 'API' ? ('api' as const) : ('files' as const),
  };
}

/** A batch of the scope's, or null. */
export function findApiBatch(scope: CustomerScope, batchId: string) {
  return prisma.deviceBatch.findFirst({ where: { id: batchId, ...ownedBy(scope) }, select: { id: true, name: true, groupTag: true } });
}

export const DEVICE_PAGE_SIZE = 100;

/** One page of a batch's devices, after the device named by the continuation token. */
export async function listBatchDevices(scope: CustomerScope, batchId: string, after: string | null) {
  const where = { batchId, ...ownedBy(scope), status: 'REGISTERED' as const };
  const rows = await prisma.device.findMany({
    where: { ...where, ...(after && { id: { gt: after } }) },
    orderBy: { id: 'asc' },
    take: DEVICE_PAGE_SIZE + 1,
    select: { id: true, serialNumber: true, productKey: true, hardwareHash: true, manufacturer: true, model: true, groupTag: true, createdAt: true },
  });
  const page = rows.slice(0, DEVICE_PAGE_SIZE);
  const total = await prisma.device.count({ where });
  return { devices: page.map(deviceBody), total, lastId: rows.length > DEVICE_PAGE_SIZE ? page.at(-1)!.id : null };
}

function deviceBody(d: {
  id: string;
  serialNumber: string | null;
  productKey: string | null;
  hardwareHash: string | null;
  manufacturer: string | null;
  model: string | null;
  groupTag: string;
  createdAt: Date;
}) {
  return {
    id: d.id,
    serialNumber: d.serialNumber,
    productKey: d.productKey,
    hardwareHash: d.hardwareHash,
    oemManufacturerName: d.manufacturer,
    modelName: d.model,
    groupTag: d.groupTag,
    policies: [] as unknown[],
    uploadedDate: d.createdAt.toISOString(),
  };
}

/** A batch job of the scope's, or null. */
export function findJob(scope: CustomerScope, trackingId: string) {
  return prisma.batchJob.findFirst({ where: { id: trackingId, ...ownedBy(scope) } });
}
