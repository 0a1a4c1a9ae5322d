/**
 * Registering devices for a customer: the one code path behind every door
 * (the Add devices page, the REST API, the demo seed). The list has already
 * been judged by the validator; this stores it, refusing each device that is
 * already registered, with Microsoft's error for it.
 */
import { createHash } from 'node:crypto';
import type { DeviceIdentifiers } from '@/lib/autopilot';
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';

type Tx = Prisma.TransactionClient;

export type RegistrationError =
  | { name: 'ZtdDeviceAlreadyAssigned'; code: 806 }
  | { name: 'ZtdDeviceAssignedToOtherTenant'; code: 808 };

export const ALREADY_ASSIGNED: RegistrationError = { name: 'ZtdDeviceAlreadyAssigned', code: 806 };
export const ASSIGNED_TO_OTHER_TENANT: RegistrationError = { name: 'ZtdDeviceAssignedToOtherTenant', code: 808 };

export interface RegistrationRequest {
  partnerId: string;
  customerId: string;
  uploadedById: string | null;
  actorEmail: string | null;
  groupTag: string;
  profile: string | null;
  mode: string | null;
  source: 'FILES' | 'API';
  sourceDetail: string;
  devices: DeviceIdentifiers[];
}

export type DeviceOutcome =
  | { status: 'registered'; deviceId: string }
  | { status: 'rejected'; error: RegistrationError };

export interface RegistrationResult {
  /** Null when no device could be registered: nothing was stored. */
  batchId: string | null;
  /** One per requested device, in request order. */
  outcomes: DeviceOutcome[];
  registered: number;
}

/** Thrown when the partner may no longer act for the customer at the moment of storing. */
export class NoActiveRelationshipError extends Error {
  constructor() {
    super('No active relationship between this partner and this customer.');
  }
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export function hashDigest(hardwareHash: string): string {
  return sha256(hardwareHash);
}

export function tupleDigest(d: Pick<DeviceIdentifiers, 'serialNumber' | 'manufacturer' | 'model'>): string | null {
  return d.serialNumber !== null && d.manufacturer !== null && d.model !== null
    ? sha256(`${d.serialNumber}\u0000${d.manufacturer}\u0000${d.model}`)
    : null;
}

interface Keys {
  hashDigest: string | null;
  productKey: string | null;
  tupleDigest: string | null;
}

/**
 * Stores the registrable devices and their batch in one transaction: all of
 * them or none. The database's unique keys guarantee a device is registered
 * once across every tenant; should another upload win a race for the same
 * device, the whole transaction is retried and that device is refused.
 */
export async function registerDevices(db: PrismaClient, request: RegistrationRequest): Promise<RegistrationResult> {
  const keys: Keys[] = request.devices.map((d) => ({
    hashDigest: d.hardwareHash === null ? null : hashDigest(d.hardwareHash),
    productKey: d.productKey,
    tupleDigest: tupleDigest(d),
  }));
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.$transaction((tx) => store(tx, request, keys));
    } catch (error) {
      if (attempt < 3 && isUniqueViolation(error)) continue;
      throw error;
    }
  }
}

async function store(tx: Tx, request: RegistrationRequest, keys: Keys[]): Promise<RegistrationResult> {
  const relationship = await tx.relationship.findFirst({
    where: { partnerId: request.partnerId, customerId: request.customerId, status: 'ACTIVE' },
    select: { id: true },
  });
  if (!relationship) throw new NoActiveRelationshipError();

  const owners = await existingOwners(tx, keys);
  const outcomes: DeviceOutcome[] = [];
  const rows: Array<{ index: number; id: string }> = [];
  keys.forEach((k, index) => {
    const owner =
      (k.hashDigest && owners.hash.get(k.hashDigest)) ||
      (k.productKey && owners.productKey.get(k.productKey)) ||
      (k.tupleDigest && owners.tuple.get(k.tupleDigest)) ||
      null;
    if (owner) {
      outcomes.push({ status: 'rejected', error: owner === request.customerId ? ALREADY_ASSIGNED : ASSIGNED_TO_OTHER_TENANT });
    } else {
      const id = crypto.randomUUID();
      rows.push({ index, id });
      outcomes.push({ status: 'registered', deviceId: id });
    }
  });
  if (rows.length === 0) return { batchId: null, outcomes, registered: 0 };

  const batch = await tx.deviceBatch.create({
    data: {
      partnerId: request.partnerId,
      customerId: request.customerId,
      uploadedById: request.uploadedById,
      groupTag: request.groupTag,
      profile: request.profile,
      mode: request.mode,
      source: request.source,
      sourceDetail: request.sourceDetail,
      deviceCount: rows.length,
    },
    select: { id: true },
  });
  await tx.device.createMany({
    data: rows.map(({ index, id }) => {
      const d = request.devices[index]!;
      const k = keys[index]!;
      return {
        id,
        customerId: request.customerId,
        partnerId: request.partnerId,
        batchId: batch.id,
        serialNumber: d.serialNumber,
        productKey: d.productKey,
        hardwareHash: d.hardwareHash,
        hashDigest: k.hashDigest,
        manufacturer: d.manufacturer,
        model: d.model,
        tupleDigest: k.tupleDigest,
        groupTag: request.groupTag,
      };
    }),
  });
  await tx.auditEvent.create({
    data: {
      actorId: request.uploadedById,
      actorEmail: request.actorEmail,
      partnerId: request.partnerId,
      customerId: request.customerId,
      action: 'devices.registered',
      targetType: 'DeviceBatch',
      targetId: batch.id,
      details: JSON.stringify({
        groupTag: request.groupTag,
        source: request.source,
        sourceDetail: request.sourceDetail,
        registered: rows.length,
        refused: keys.length - rows.length,
      }),
    },
  });
  return { batchId: batch.id, outcomes, registered: rows.length };
}

/** Which customer already holds each key, for the keys of this request. */
async function existingOwners(tx: Tx, keys: Keys[]) {
  const hashes = keys.flatMap((k) => (k.hashDigest ? [k.hashDigest] : []));
  const productKeys = keys.flatMap((k) => (k.productKey ? [k.productKey] : []));
  const tuples = keys.flatMap((k) => (k.tupleDigest ? [k.tupleDigest] : []));
  const owners = { hash: new Map<string, string>(), productKey: new Map<string, string>(), tuple: new Map<string, string>() };
  if (hashes.length + productKeys.length + tuples.length === 0) return owners;
  const found = await tx.device.findMany({
    where: {
      OR: [
        ...(hashes.length ? [{ hashDigest: { in: hashes } }] : []),
        ...(productKeys.length ? [{ productKey: { in: productKeys } }] : []),
        ...(tuples.length ? [{ tupleDigest: { in: tuples } }] : []),
      ],
    },
    select: { customerId: true, hashDigest: true, productKey: true, tupleDigest: true },
  });
  for (const d of found) {
    if (d.hashDigest) owners.hash.set(d.hashDigest, d.customerId);
    if (d.productKey) owners.productKey.set(d.productKey, d.customerId);
    if (d.tupleDigest) owners.tuple.set(d.tupleDigest, d.customerId);
  }
  return owners;
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && (error as { code: unknown }).code === 'P2002';
}
