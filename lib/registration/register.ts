/**
 * Registering devices for a customer: the one code path behind every door
 * (the Add devices page, the REST API, the demo seed). The list has already
 * been judged by the validator; this stores it, refusing each device that is
 * already registered, with Microsoft's error for it.
 */
import { createHash } from 'node:crypto';
import type { DeviceIdentifiers } from '@/lib/autopilot';
import { isUniqueViolation } from '@/lib/db/errors';
import { Prisma, type PrismaClient } from '@/lib/generated/prisma/client';

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
  /** The batch's name (Partner Center's batchId); the file names for uploads. */
  batchName?: string | null;
  /** Add the devices to this batch of the partner's for the customer, instead of a new one. */
  existingBatchId?: string;
  /** Keep a new batch even when no device could be registered (an API batch is addressable at once). */
  keepEmptyBatch?: boolean;
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

/** Thrown when the batch to add to is not one of the partner's for the customer. */
export class BatchNotFoundError extends Error {
  constructor() {
    super('No such batch for this partner and customer.');
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
  // Writing to the relationship first takes its lock (SQLite: the database's; PostgreSQL: the
  // row's) for the whole transaction: a removal either waits for this batch to be stored in
  // full, or comes first and this batch is refused. Never half.
  const { count } = await tx.relationship.updateMany({
    where: { partnerId: request.partnerId, customerId: request.customerId, status: 'ACTIVE' },
    data: { updatedAt: new Date() },
  });
  if (count === 0) throw new NoActiveRelationshipError();

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
  const batch = await openBatch(tx, request, rows.length);
  if (!batch) return { batchId: null, outcomes, registered: 0 };
  await insertDevices(
    tx,
    rows.map(({ index, id }) => ({ id, device: request.devices[index]!, keys: keys[index]! })),
    { customerId: request.customerId, partnerId: request.partnerId, batchId: batch.id, groupTag: request.groupTag },
  );
  await tx.auditEvent.create({
    data: {
      actorId: request.uploadedById,
      actorEmail: request.actorEmail,
      partnerId: request.partnerId,
      customerId: request.customerId,
      action: request.existingBatchId ? 'devices.added' : 'devices.registered',
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

/** The batch the devices go into: the one named, a new one, or none when nothing is to be stored. */
async function openBatch(tx: Tx, request: RegistrationRequest, registering: number): Promise<{ id: string } | null> {
  if (request.existingBatchId) {
    const { count } = await tx.deviceBatch.updateMany({
      where: { id: request.existingBatchId, partnerId: request.partnerId, customerId: request.customerId },
      data: { deviceCount: { increment: registering } },
    });
    if (count === 0) throw new BatchNotFoundError();
    return { id: request.existingBatchId };
  }
  if (registering === 0 && !request.keepEmptyBatch) return null;
  return tx.deviceBatch.create({
    data: {
      partnerId: request.partnerId,
      customerId: request.customerId,
      uploadedById: request.uploadedById,
      name: request.batchName ?? null,
      groupTag: request.groupTag,
      profile: request.profile,
      mode: request.mode,
      source: request.source,
      sourceDetail: request.sourceDetail,
      deviceCount: registering,
    },
    select: { id: true },
  });
}

/** Rows per INSERT: well under SQLite's and PostgreSQL's limits on bound values (15 a row). */
const INSERT_CHUNK = 1000;

/**
 * The device rows, many to a statement. Prisma's createMany passes every
 * 4,000-character hash through its query compiler and costs about four times
 * a plain insert; this is the same portable SQL (quoted identifiers,
 * multi-row VALUES) with the values bound, never spliced in.
 */
async function insertDevices(
  tx: Tx,
  rows: Array<{ id: string; device: DeviceIdentifiers; keys: Keys }>,
  batch: { customerId: string; partnerId: string; batchId: string; groupTag: string },
): Promise<void> {
  const now = new Date();
  for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
    const values = rows.slice(start, start + INSERT_CHUNK).map(
      ({ id, device: d, keys: k }) =>
        Prisma.sql`(${id}, ${batch.customerId}, ${batch.partnerId}, ${batch.batchId}, ${d.serialNumber}, ${d.productKey}, ${d.productKey},
          ${d.hardwareHash}, ${k.hashDigest}, ${d.manufacturer}, ${d.model}, ${k.tupleDigest}, ${batch.groupTag}, ${'REGISTERED'}, ${now})`,
    );
    await tx.$executeRaw`INSERT INTO "Device" ("id", "customerId", "partnerId", "batchId", "serialNumber", "productKey", "activeProductKey",
      "hardwareHash", "hashDigest", "manufacturer", "model", "tupleDigest", "groupTag", "status", "createdAt") VALUES ${Prisma.join(values)}`;
  }
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
        ...(productKeys.length ? [{ activeProductKey: { in: productKeys } }] : []),
        ...(tuples.length ? [{ tupleDigest: { in: tuples } }] : []),
      ],
    },
    select: { customerId: true, hashDigest: true, activeProductKey: true, tupleDigest: true },
  });
  for (const d of found) {
    if (d.hashDigest) owners.hash.set(d.hashDigest, d.customerId);
    if (d.activeProductKey) owners.productKey.set(d.activeProductKey, d.customerId);
    if (d.tupleDigest) owners.tuple.set(d.tupleDigest, d.customerId);
  }
  return owners;
}
