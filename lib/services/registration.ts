/**
 * Registering devices for a customer: the one code path behind every door
 * (the Add devices page, the REST API, the demo seed). The list has already
 * been judged by the validator; this stores it under the customer scope,
 * refusing each device that is already registered, with Microsoft's error.
 */
import type { DeviceIdentifiers } from '@/lib/autopilot';
import { auditActor, can } from '@/lib/auth/principal';
import { prisma } from '@/lib/db/client';
import { isUniqueViolation } from '@/lib/db/errors';
import { lockCustomerScope, ownedBy, type CustomerScope, type LockedScope } from '@/lib/data/scope';
import { AppError } from '@/lib/errors';
import { Prisma, type PrismaClient } from '@/lib/generated/prisma/client';
import { deviceKeys, type DeviceKeys } from './device-keys';

export type Tx = Prisma.TransactionClient;

export type RegistrationError =
  | { name: 'ZtdDeviceAlreadyAssigned'; code: 806 }
  | { name: 'ZtdDeviceAssignedToOtherTenant'; code: 808 };

export const ALREADY_ASSIGNED: RegistrationError = { name: 'ZtdDeviceAlreadyAssigned', code: 806 };
export const ASSIGNED_TO_OTHER_TENANT: RegistrationError = { name: 'ZtdDeviceAssignedToOtherTenant', code: 808 };

export interface RegistrationRequest {
  groupTag: string;
  profile: string | null;
  mode: string | null;
  source: 'FILES' | 'API';
  /** The file names, or the API key's name. */
  sourceDetail: string;
  /** The batch's name (Partner Center's batchId). */
  batchName?: string | null;
  /** Add the devices to this batch of the partner's for the customer, instead of a new one. */
  existingBatchId?: string;
  /** Keep a new batch even when no device could be registered (an API batch is addressable at once). */
  keepEmptyBatch?: boolean;
  devices: DeviceIdentifiers[];
}

export type DeviceOutcome = { status: 'registered'; deviceId: string } | { status: 'rejected'; error: RegistrationError };

export interface RegistrationResult {
  /** Null when no device could be registered: nothing was stored. */
  batchId: string | null;
  /** One per requested device, in request order. */
  outcomes: DeviceOutcome[];
  registered: number;
}

/**
 * Runs a write in one transaction, again when another request won a race
 * for a unique key (a device, an idempotency key): the retry reads what the
 * winner stored and answers accordingly.
 */
export async function inRetriedTransaction<T>(db: PrismaClient, write: (tx: Tx) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.$transaction(write, { timeout: 60_000, maxWait: 60_000 });
    } catch (error) {
      if (attempt < 3 && isUniqueViolation(error)) continue;
      throw error;
    }
  }
}

/** How a device's keys are computed: `deviceKeys`, always; the benchmark passes the digests of raw strings to compare. */
export type KeysOf = (device: DeviceIdentifiers) => DeviceKeys;

/** Stores the registrable devices and their batch in one transaction: all of them or none. */
export function registerDevices(scope: CustomerScope, request: RegistrationRequest, db: PrismaClient = prisma, keysOf: KeysOf = deviceKeys): Promise<RegistrationResult> {
  return inRetriedTransaction(db, async (tx) => storeDevices(tx, await lockCustomerScope(tx, scope), request, keysOf));
}

/**
 * The registration's writes, inside the caller's transaction, which holds
 * the relationship's lock (a removal waits, or came first and the lock was
 * refused): the batch, the devices and the audit event.
 */
export async function storeDevices(tx: Tx, scope: LockedScope, request: RegistrationRequest, keysOf: KeysOf = deviceKeys): Promise<RegistrationResult> {
  if (!can(scope.principal, 'devices:add')) throw new AppError('FORBIDDEN');
  const keys = request.devices.map(keysOf);
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
      outcomes.push({ status: 'rejected', error: owner === scope.customerId ? ALREADY_ASSIGNED : ASSIGNED_TO_OTHER_TENANT });
    } else {
      const id = crypto.randomUUID();
      rows.push({ index, id });
      outcomes.push({ status: 'registered', deviceId: id });
      // The same device twice in one request (the validator refuses that, but not every caller asks it) is registered once.
      if (k.hashDigest) owners.hash.set(k.hashDigest, scope.customerId);
      if (k.productKey) owners.productKey.set(k.productKey, scope.customerId);
      if (k.tupleDigest) owners.tuple.set(k.tupleDigest, scope.customerId);
    }
  });
  const batch = await openBatch(tx, scope, request, rows.length);
  if (!batch) return { batchId: null, outcomes, registered: 0 };
  await insertDevices(
    tx,
    rows.map(({ index, id }) => ({ id, device: request.devices[index]!, keys: keys[index]! })),
    { ...ownedBy(scope), batchId: batch.id, groupTag: request.groupTag },
  );
  await tx.auditEvent.create({
    data: {
      ...auditActor(scope.principal),
      ...ownedBy(scope),
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
async function openBatch(tx: Tx, scope: CustomerScope, request: RegistrationRequest, registering: number): Promise<{ id: string } | null> {
  if (request.existingBatchId) {
    const { count } = await tx.deviceBatch.updateMany({
      where: { id: request.existingBatchId, ...ownedBy(scope) },
      data: { deviceCount: { increment: registering } },
    });
    if (count === 0) throw new AppError('NOT_FOUND', 'No such batch.', { reason: 'batch' });
    return { id: request.existingBatchId };
  }
  if (registering === 0 && !request.keepEmptyBatch) return null;
  return tx.deviceBatch.create({
    data: {
      ...ownedBy(scope),
      uploadedById: scope.principal.type === 'agent' ? scope.principal.userId : null,
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

/**
 * Rows per INSERT: well under SQLite's and PostgreSQL's limits on bound
 * values (15 a row), and short enough (a few milliseconds) that the requests
 * waiting meanwhile are answered between two of them (the SQLite connection
 * lets them run between a transaction's statements: lib/db/sqlite-adapter.ts).
 */
const INSERT_CHUNK = 50;

/**
 * The device rows, many to a statement. Prisma's createMany passes every
 * 4,000-character hash through its query compiler and costs about four times
 * a plain insert; this is the same portable SQL (quoted identifiers,
 * multi-row VALUES) with the values bound, never spliced in.
 */
async function insertDevices(
  tx: Tx,
  rows: Array<{ id: string; device: DeviceIdentifiers; keys: DeviceKeys }>,
  batch: { customerId: string; partnerId: string; batchId: string; groupTag: string },
): Promise<void> {
  const now = new Date();
  for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
    const values = rows.slice(start, start + INSERT_CHUNK).map(
      ({ id, device: d, keys: k }) =>
        Prisma.sql`(${id}, ${batch.customerId}, ${batch.partnerId}, ${batch.batchId}, ${d.serialNumber}, ${d.productKey}, ${k.productKey},
          ${d.hardwareHash}, ${k.hashDigest}, ${d.manufacturer}, ${d.model}, ${k.tupleDigest}, ${batch.groupTag}, ${'REGISTERED'}, ${now})`,
    );
    await tx.$executeRaw`INSERT INTO "Device" ("id", "customerId", "partnerId", "batchId", "serialNumber", "productKey", "activeProductKey",
      "hardwareHash", "hashDigest", "manufacturer", "model", "tupleDigest", "groupTag", "status", "createdAt") VALUES ${Prisma.join(values)}`;
  }
}

/** Which customer already holds each key, for the keys of this request (across every tenant: uniqueness is global). */
async function existingOwners(tx: Tx, keys: DeviceKeys[]) {
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
