/**
 * Registering devices sent to the API: the validator judges them (the same
 * rules as a file), the registration path stores them, and a job records
 * each device's outcome in request order for clients to poll.
 */
import { z } from 'zod';
import {
  describeProblem,
  profileForGroupTag,
  validateDevices,
  type DeviceIdentifiers,
  type Problem,
} from '@/lib/autopilot';
import { prisma } from '@/lib/db/client';
import type { ApiCaller } from '@/lib/data/api';
import { BatchNotFoundError, NoActiveRelationshipError, registerDevices } from '@/lib/registration/register';

/** Devices per request, and bytes per body (API_MAX_BODY_BYTES to change it): 10,000 devices with 4,000-character hashes fit. */
export const API_LIMITS = {
  maxDevices: 10_000,
  maxBodyBytes: Number(process.env.API_MAX_BODY_BYTES) > 0 ? Number(process.env.API_MAX_BODY_BYTES) : 64 * 1024 * 1024,
};

const text = (max: number) => z.string().max(max).nullish();
const deviceInput = z.object({
  serialNumber: text(512),
  productKey: text(64),
  hardwareHash: text(16_384),
  oemManufacturerName: text(256),
  modelName: text(256),
});
export const createBatchInput = z.object({
  batchId: z.string().trim().min(1).max(128).optional(),
  name: z.string().trim().min(1).max(128).optional(),
  groupTag: z.string().max(256).optional(),
  devices: z.array(deviceInput),
});
export const addDevicesInput = z.object({ devices: z.array(deviceInput) });

export type DeviceInput = z.infer<typeof deviceInput>;

export function toIdentifiers(d: DeviceInput): DeviceIdentifiers {
  const v = (s: string | null | undefined) => (s === undefined || s === null || s === '' ? null : s);
  return { serialNumber: v(d.serialNumber), productKey: v(d.productKey), hardwareHash: v(d.hardwareHash), manufacturer: v(d.oemManufacturerName), model: v(d.modelName) };
}

export interface DeviceStatus {
  index: number;
  deviceId: string | null;
  serialNumber: string | null;
  productKey: string | null;
  status: 'registered' | 'failed';
  errorCode: number | null;
  errorName: string | null;
  errorDescription: string | null;
  /** The validator's own code, when the validator refused the device. */
  code: string | null;
}

const HASH_CODES = new Set(['HASH_NOT_BASE64', 'HASH_BAD_PADDING', 'HASH_TRUNCATED', 'HASH_TOO_SHORT', 'HASH_UNRECOGNISED']);

/** Microsoft's name (and number) for a validator problem where Microsoft has one. */
function microsoftError(p: Problem): { errorCode: number | null; errorName: string } {
  if (HASH_CODES.has(p.code)) return { errorCode: 802, errorName: 'InvalidZtdHardwareHash' };
  if (p.code === 'DUPLICATE_DEVICE') return { errorCode: null, errorName: 'ZtdDeviceDuplicated' };
  return { errorCode: null, errorName: p.code };
}

export type SubmitResult =
  | { ok: true; trackingId: string; batchId: string }
  | { ok: false; problems: Problem[] }
  | { ok: false; noRelationship: true }
  | { ok: false; noBatch: true };

/**
 * Judges and stores the devices of one request. Problems of the request as a
 * whole (group tag, no devices, too many) refuse it; a device's own problems
 * fail that device, as Partner Center does, and the others are registered.
 */
export async function submitDevices(
  caller: ApiCaller,
  customerId: string,
  request: { name: string | null; groupTag: string; devices: DeviceInput[]; existingBatchId?: string },
): Promise<SubmitResult> {
  const ids = request.devices.map(toIdentifiers);
  const verdict = validateDevices(ids, { groupTag: request.groupTag, limits: { maxDevices: API_LIMITS.maxDevices } });
  const requestProblems = verdict.problems.filter((p) => p.file === undefined && p.severity === 'error');
  if (requestProblems.length) return { ok: false, problems: requestProblems };

  const failures = new Map<number, Problem>();
  for (const p of verdict.problems) {
    if (p.severity === 'error' && p.line !== undefined && !failures.has(p.line - 1)) failures.set(p.line - 1, p);
  }
  const valid = ids.map((d, index) => ({ d, index })).filter(({ index }) => !failures.has(index));
  const managedDesktop = profileForGroupTag(request.groupTag);
  const job = await prisma.batchJob.create({
    data: { partnerId: caller.partnerId, customerId, apiKeyId: caller.keyId, status: 'processing', batchId: request.existingBatchId ?? null },
    select: { id: true },
  });
  let registration;
  try {
    registration = await registerDevices(prisma, {
      partnerId: caller.partnerId,
      customerId,
      uploadedById: null,
      actorEmail: `API: ${caller.keyName}`,
      groupTag: request.groupTag,
      profile: managedDesktop?.profile ?? null,
      mode: managedDesktop?.mode ?? null,
      source: 'API',
      sourceDetail: caller.keyName,
      batchName: request.name,
      existingBatchId: request.existingBatchId,
      keepEmptyBatch: true,
      devices: valid.map(({ d }) => d),
    });
  } catch (error) {
    // Nothing was stored: the job never was.
    await prisma.batchJob.delete({ where: { id: job.id } });
    if (error instanceof NoActiveRelationshipError) return { ok: false, noRelationship: true };
    if (error instanceof BatchNotFoundError) return { ok: false, noBatch: true };
    throw error;
  }

  const outcomeByIndex = new Map(valid.map(({ index }, k) => [index, registration.outcomes[k]!]));
  const statuses: DeviceStatus[] = ids.map((d, index) => {
    const base = { index, serialNumber: d.serialNumber, productKey: d.productKey };
    const failure = failures.get(index);
    if (failure) {
      return { ...base, deviceId: null, status: 'failed', ...microsoftError(failure), errorDescription: describeProblem(failure, 'en').message, code: failure.code };
    }
    const outcome = outcomeByIndex.get(index)!;
    if (outcome.status === 'registered') {
      return { ...base, deviceId: outcome.deviceId, status: 'registered', errorCode: null, errorName: null, errorDescription: null, code: null };
    }
    return {
      ...base,
      deviceId: null,
      status: 'failed',
      errorCode: outcome.error.code,
      errorName: outcome.error.name,
      errorDescription: outcome.error.name === 'ZtdDeviceAlreadyAssigned' ? 'The device is already registered to this customer.' : 'The device is registered to another organisation; it needs proof of ownership to move.',
      code: null,
    };
  });
  const allRegistered = statuses.every((s) => s.status === 'registered');
  await prisma.batchJob.update({
    where: { id: job.id },
    data: { status: allRegistered ? 'finished' : 'finished_with_errors', batchId: registration.batchId, results: JSON.stringify(statuses), finishedAt: new Date() },
  });
  return { ok: true, trackingId: job.id, batchId: registration.batchId! };
}
