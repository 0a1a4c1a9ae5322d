/**
 * Registering devices sent to the API: the validator judges them (the same
 * rules as a file), the registration path stores them, and a job records
 * each device's outcome in request order for clients to poll. The job, the
 * batch, the devices and the idempotency record are written in one
 * transaction: a retry with the same key finds all of them or none.
 */
import { createHash } from 'node:crypto';
import { API_MAX_DEVICES, describeProblem, profileForGroupTag, validateDevices, type DeviceIdentifiers, type Problem } from '@/lib/autopilot';
import { prisma } from '@/lib/db/client';
import { lockCustomerScope, type CustomerScope } from '@/lib/data/scope';
import { AppError } from '@/lib/errors';
import { isUniqueViolation } from '@/lib/db/errors';
import { inRetriedTransaction, storeDevices, type RegistrationResult, type Tx } from './registration';


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

/** What the API answered, as remembered under an idempotency key. */
export interface StoredAnswer {
  status: number;
  location: string | null;
  body: string;
}

export interface ApiSubmission {
  name: string | null;
  groupTag: string;
  devices: DeviceIdentifiers[];
  existingBatchId?: string;
  /** The client's Idempotency-Key and a fingerprint of the request it came with. */
  idempotency?: { key: string; fingerprint: string };
}

export type SubmissionAnswer = { replayed: false; trackingId: string; batchId: string; answer: StoredAnswer } | { replayed: true; answer: StoredAnswer };

const HASH_CODES = new Set(['HASH_NOT_BASE64', 'HASH_BAD_PADDING', 'HASH_TRUNCATED', 'HASH_TOO_SHORT', 'HASH_UNRECOGNISED']);

/** Microsoft's name (and number) for a validator problem where Microsoft has one. */
function microsoftError(p: Problem): { errorCode: number | null; errorName: string } {
  if (HASH_CODES.has(p.code)) return { errorCode: 802, errorName: 'InvalidZtdHardwareHash' };
  if (p.code === 'DUPLICATE_DEVICE') return { errorCode: null, errorName: 'ZtdDeviceDuplicated' };
  return { errorCode: null, errorName: p.code };
}

/** A fingerprint of a request: the same key with another request is refused. */
export function requestFingerprint(customerId: string, body: unknown): string {
  return createHash('sha256').update(`${customerId}\n${JSON.stringify(body)}`).digest('hex');
}

/**
 * Judges and stores the devices of one request. Problems of the request as a
 * whole (group tag, no devices, too many) refuse it (AppError INVALID_DEVICES);
 * a device's own problems fail that device, as Partner Center does, and the
 * others are registered. `answer` makes the HTTP answer stored with the key.
 */
export async function submitDevices(
  scope: CustomerScope,
  submission: ApiSubmission,
  answer: (accepted: { trackingId: string; batchId: string }) => StoredAnswer,
): Promise<SubmissionAnswer> {
  const ids = submission.devices;
  const verdict = validateDevices(ids, { groupTag: submission.groupTag, limits: { maxDevices: API_MAX_DEVICES } });
  const requestProblems = verdict.problems.filter((p) => p.file === undefined && p.severity === 'error');
  if (requestProblems.length) throw new AppError('INVALID_DEVICES', 'The request cannot be processed.', { problems: requestProblems });

  const failures = new Map<number, Problem>();
  for (const p of verdict.problems) {
    if (p.severity === 'error' && p.line !== undefined && !failures.has(p.line - 1)) failures.set(p.line - 1, p);
  }
  const judged: Judged = { ids, failures, valid: ids.map((d, index) => ({ d, index })).filter(({ index }) => !failures.has(index)) };
  try {
    return await inRetriedTransaction(prisma, (tx) => store(tx, scope, submission, judged, answer));
  } catch (error) {
    // Still racing another request with the same key after the retries: the client may retry later.
    if (submission.idempotency && isUniqueViolation(error)) {
      throw new AppError('IDEMPOTENCY_IN_PROGRESS', 'Another request with this Idempotency-Key is being processed; retry later.');
    }
    throw error;
  }
}

/** The request's devices as the validator judged them: those that failed, and those to store. */
interface Judged {
  ids: DeviceIdentifiers[];
  failures: Map<number, Problem>;
  valid: Array<{ d: DeviceIdentifiers; index: number }>;
}

/** One try of the transaction: a replay if the key was used, else the devices, the job and the key's record. */
async function store(
  tx: Tx,
  scope: CustomerScope,
  submission: ApiSubmission,
  { ids, failures, valid }: Judged,
  answer: (accepted: { trackingId: string; batchId: string }) => StoredAnswer,
): Promise<SubmissionAnswer> {
  const { idempotency } = submission;
  // The relationship's lock first, before reading the key: a concurrent request with the same
  // key (from another instance too) waits for this one, then finds its record.
  const locked = await lockCustomerScope(tx, scope);
  if (idempotency) {
    const previous = await tx.idempotencyRecord.findUnique({ where: { partnerId_key: { partnerId: scope.principal.partnerId, key: idempotency.key } } });
    if (previous) {
      if (previous.requestHash !== idempotency.fingerprint) throw new AppError('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was used for a different request.');
      return { replayed: true, answer: { status: previous.status, location: previous.location, body: previous.body } };
    }
  }
  const managedDesktop = profileForGroupTag(submission.groupTag);
  const registration = await storeDevices(tx, locked, {
    groupTag: submission.groupTag,
    profile: managedDesktop?.profile ?? null,
    mode: managedDesktop?.mode ?? null,
    source: 'API',
    sourceDetail: scope.principal.type === 'api-key' ? scope.principal.keyName : scope.principal.email,
    batchName: submission.name,
    existingBatchId: submission.existingBatchId,
    keepEmptyBatch: true,
    devices: valid.map(({ d }) => d),
  });
  const statuses = deviceStatuses(ids, failures, valid, registration);
  const job = await tx.batchJob.create({
    data: {
      partnerId: scope.principal.partnerId,
      customerId: scope.customerId,
      apiKeyId: scope.principal.type === 'api-key' ? scope.principal.keyId : null,
      batchId: registration.batchId,
      status: statuses.every((s) => s.status === 'registered') ? 'finished' : 'finished_with_errors',
      results: JSON.stringify(statuses),
      finishedAt: new Date(),
    },
    select: { id: true },
  });
  // keepEmptyBatch: a new or named batch is always there.
  const accepted = { trackingId: job.id, batchId: registration.batchId ?? '' };
  const stored = answer(accepted);
  // A concurrent twin with the same key fails here on the unique key; its retry replays this answer.
  if (idempotency) {
    await tx.idempotencyRecord.create({ data: { partnerId: scope.principal.partnerId, key: idempotency.key, requestHash: idempotency.fingerprint, ...stored } });
  }
  return { replayed: false, ...accepted, answer: stored };
}

function deviceStatuses(
  ids: DeviceIdentifiers[],
  failures: Map<number, Problem>,
  valid: Array<{ index: number }>,
  registration: RegistrationResult,
): DeviceStatus[] {
  const outcomeByIndex = new Map(valid.map(({ index }, k) => [index, registration.outcomes[k]!]));
  return ids.map((d, index) => {
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
      errorDescription:
        outcome.error.name === 'ZtdDeviceAlreadyAssigned' ? 'The device is already registered to this customer.' : 'The device is registered to another organisation; it needs proof of ownership to move.',
      code: null,
    };
  });
}
