import 'server-only';
import { prisma } from '@/lib/db/client';
import { apiKeyHash } from '@/lib/api/keys';
import { relationshipKindFor } from '@/lib/auth/permissions';
import { hasActiveRelationship } from './tenancy';
import { deregisterDevice } from '@/lib/registration/deregister';

/** Who calls the API: a key of one partner, read from the database on every request. */
export interface ApiCaller {
  keyId: string;
  keyName: string;
  partnerId: string;
  partnerName: string;
  partnerKind: 'CSP' | 'OEM';
}

export async function callerForKey(key: string): Promise<ApiCaller | null> {
  const row = await prisma.apiKey.findUnique({
    where: { keyHash: apiKeyHash(key) },
    select: { id: true, name: true, revokedAt: true, partner: { select: { id: true, name: true, kind: true } } },
  });
  if (!row || row.revokedAt) return null;
  await prisma.apiKey.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  return { keyId: row.id, keyName: row.name, partnerId: row.partner.id, partnerName: row.partner.name, partnerKind: row.partner.kind };
}

/** An OEM acts for the customers who accepted its OEM link; a CSP for its reseller customers. */
export function mayActFor(caller: ApiCaller, customerId: string): Promise<boolean> {
  return hasActiveRelationship(caller.partnerId, customerId, relationshipKindFor(caller.partnerKind));
}

export async function listApiCustomers(caller: ApiCaller) {
  const rows = await prisma.relationship.findMany({
    where: { partnerId: caller.partnerId, status: 'ACTIVE', kind: relationshipKindFor(caller.partnerKind) },
    orderBy: [{ customer: { name: 'asc' } }, { id: 'asc' }],
    select: { kind: true, approvedAt: true, customer: { select: { id: true, name: true, domain: true } } },
  });
  return rows.map((r) => ({
    id: r.customer.id,
    companyProfile: { companyName: r.customer.name, domain: r.customer.domain },
    relationshipToPartner: r.kind === 'OEM' ? 'oem' : 'reseller',
    relationshipSince: r.approvedAt?.toISOString() ?? null,
  }));
}

export async function listApiBatches(caller: ApiCaller, customerId: string) {
  const rows = await prisma.deviceBatch.findMany({
    where: { partnerId: caller.partnerId, customerId },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: 1000,
    select: { id: true, name: true, groupTag: true, createdAt: true, deviceCount: true, source: true, sourceDetail: true, uploadedBy: { select: { email: true } } },
  });
  return rows.map(batchBody);
}

export function batchBody(b: {
  id: string;
  name: string | null;
  groupTag: string;
  createdAt: Date;
  deviceCount: number;
  source: 'FILES' | 'API';
  sourceDetail: string;
  uploadedBy?: { email: string } | null;
}) {
  return {
    id: b.id,
    name: b.name,
    groupTag: b.groupTag,
    createdBy: b.source === 'API' ? `API: ${b.sourceDetail}` : (b.uploadedBy?.email ?? null),
    creationDate: b.createdAt.toISOString(),
    devicesCount: b.deviceCount,
    source: b.source === 'API' ? 'api' : 'files',
  };
}

export async function findApiBatch(caller: ApiCaller, customerId: string, batchId: string) {
  return prisma.deviceBatch.findFirst({
    where: { id: batchId, partnerId: caller.partnerId, customerId },
    select: { id: true, name: true, groupTag: true, profile: true, mode: true, createdAt: true, deviceCount: true, source: true, sourceDetail: true },
  });
}

export const DEVICE_PAGE_SIZE = 100;

/** One page of a batch's devices, after the device named by the continuation token. */
export async function listBatchDevices(caller: ApiCaller, customerId: string, batchId: string, after: string | null) {
  const rows = await prisma.device.findMany({
    where: { batchId, customerId, partnerId: caller.partnerId, status: 'REGISTERED', ...(after && { id: { gt: after } }) },
    orderBy: { id: 'asc' },
    take: DEVICE_PAGE_SIZE + 1,
    select: { id: true, serialNumber: true, productKey: true, hardwareHash: true, manufacturer: true, model: true, groupTag: true, createdAt: true },
  });
  const page = rows.slice(0, DEVICE_PAGE_SIZE);
  const total = await prisma.device.count({ where: { batchId, customerId, partnerId: caller.partnerId, status: 'REGISTERED' } });
  return { devices: page.map(deviceBody), total, lastId: rows.length > DEVICE_PAGE_SIZE ? page.at(-1)!.id : null };
}

export function deviceBody(d: {
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
    policies: [],
    uploadedDate: d.createdAt.toISOString(),
  };
}

/** Deregisters a device of the partner's, in the batch named. */
export function deleteApiDevice(caller: ApiCaller, customerId: string, batchId: string, deviceId: string): Promise<boolean> {
  return deregisterDevice(prisma, { partnerId: caller.partnerId, customerId, deviceId, batchId, actorId: null, actorEmail: `API: ${caller.keyName}`, via: 'api' });
}

export async function findJob(caller: ApiCaller, customerId: string, trackingId: string) {
  return prisma.batchJob.findFirst({ where: { id: trackingId, partnerId: caller.partnerId, customerId } });
}
