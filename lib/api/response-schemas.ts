/**
 * The API's response bodies, one zod schema each: the route handlers' bodies
 * are typed by them (`jsonOf`) and lib/api/openapi.ts describes them from
 * them. Responses are documented as the server writes them (zod's `output`),
 * so an object lists every property it may have; a problem alone is open to
 * extensions (RFC 9457).
 */
import { z } from 'zod';
import { PROBLEM_CODES } from '@/lib/autopilot';
import { json } from './problem';

/** The problem codes of the API itself; a problem from the validator carries the validator's code instead. */
export const API_PROBLEM_CODES = [
  'Unauthorized',
  'InsufficientScope',
  'NoRelationship',
  'NotFound',
  'InvalidRequest',
  'MalformedJson',
  'InvalidIdempotencyKey',
  'InvalidContinuationToken',
  'NotSupported',
  'PayloadTooLarge',
  'UnsupportedMediaType',
  'IdempotencyKeyInProgress',
  'IdempotencyKeyReused',
  'Conflict',
  'RateLimited',
  'StorageUnavailable',
  'InternalError',
] as const;

const count = z.int().nonnegative();
const timestamp = z.iso.datetime();

/** One of the validator's problems, as a problem's `errors` lists them. */
const validatorProblem = z.object({ code: z.enum(PROBLEM_CODES), message: z.string(), hint: z.string() });

/** A body that breaks its schema, field by field (zod's flattened error). */
const fieldErrors = z.object({
  formErrors: z.array(z.string()),
  fieldErrors: z.record(z.string(), z.array(z.string())),
});

export const problem = z
  .looseObject({
    type: z.string(),
    title: z.string(),
    status: z.int().min(400).max(599),
    detail: z.string(),
    code: z.string().describe(`A stable code: ${API_PROBLEM_CODES.join(', ')}; or one of the validator's: ${PROBLEM_CODES.join(', ')}.`),
    errors: z
      .union([z.array(validatorProblem), fieldErrors])
      .optional()
      .describe('The validator’s problems with the request as a whole, or (InvalidRequest) what breaks the schema, field by field.'),
    fields: z.array(z.string()).optional().describe('The fields at fault, where a service names them.'),
    partnerCenterCode: z.int().optional().describe('Partner Center’s own error code (20002: no relationship between caller and account).'),
  })
  .meta({ id: 'Problem', description: 'An RFC 9457 problem: every error the API answers, as application/problem+json.' });

export const customer = z
  .object({
    id: z.string(),
    companyProfile: z.object({ companyName: z.string(), domain: z.string() }),
    relationshipToPartner: z.enum(['reseller', 'oem']),
    relationshipSince: timestamp.nullable(),
  })
  .meta({ id: 'Customer', description: 'A customer the caller may act for, through an active relationship of its kind.' });

export const deviceBatch = z
  .object({
    id: z.string(),
    name: z.string().nullable(),
    groupTag: z.string(),
    createdBy: z.string().nullable().describe('Who made it: an agent’s email, or “API: ” and the key’s name.'),
    creationDate: timestamp,
    devicesCount: count,
    source: z.enum(['api', 'files']),
  })
  .meta({ id: 'DeviceBatch' });

export const device = z
  .object({
    id: z.string(),
    serialNumber: z.string().nullable(),
    productKey: z.string().nullable(),
    hardwareHash: z.string().nullable(),
    oemManufacturerName: z.string().nullable(),
    modelName: z.string().nullable(),
    groupTag: z.string(),
    policies: z.array(z.unknown()),
    uploadedDate: timestamp,
  })
  .meta({ id: 'Device', description: 'A registered device.' });

export const batchAccepted = z
  .object({
    batchTrackingId: z.string().describe('The job to poll.'),
    batchId: z.string(),
    statusUrl: z.string().describe('The status resource, as in Location.'),
  })
  .meta({ id: 'BatchAccepted' });

export const deviceStatus = z
  .object({
    index: count.describe('The device’s place in the request, from 0.'),
    deviceId: z.string().nullable(),
    serialNumber: z.string().nullable(),
    productKey: z.string().nullable(),
    status: z.enum(['registered', 'failed']),
    errorCode: z.int().nullable().describe('Microsoft’s number, where it has one: 802, 806, 808.'),
    errorName: z.string().nullable().describe('Microsoft’s name (ZtdDeviceAlreadyAssigned, ZtdDeviceAssignedToOtherTenant, InvalidZtdHardwareHash, ZtdDeviceDuplicated), else the validator’s code.'),
    errorDescription: z.string().nullable(),
    code: z.string().nullable().describe('The validator’s code, when the validator refused the device.'),
  })
  .meta({ id: 'DeviceStatus', description: 'One device’s outcome.' });

export const batchJobStatus = z
  .object({
    batchTrackingId: z.string(),
    batchId: z.string().nullable(),
    status: z.enum(['queued', 'processing', 'finished', 'finished_with_errors']),
    startedTime: timestamp,
    lastUpdatedTime: timestamp,
    devicesStatus: z.array(deviceStatus).describe('Per device, in request order.'),
  })
  .meta({ id: 'BatchJobStatus', description: 'A batch job and each device’s outcome.' });

const collectionAttributes = z.object({ objectType: z.literal('Collection') });

export const customerCollection = z
  .object({ totalCount: count, items: z.array(customer), attributes: collectionAttributes })
  .meta({ id: 'CustomerCollection' });

export const deviceBatchCollection = z
  .object({ totalCount: count, items: z.array(deviceBatch), attributes: collectionAttributes })
  .meta({ id: 'DeviceBatchCollection' });

export const deviceCollection = z
  .object({
    totalCount: count.describe('The batch’s registered devices, on every page.'),
    items: z.array(device),
    continuationToken: z.string().nullable().describe('The next page’s MS-ContinuationToken; null on the last page.'),
    attributes: collectionAttributes,
  })
  .meta({ id: 'DeviceCollection', description: 'One page of a batch’s devices.' });

export type Problem = z.output<typeof problem>;
export type Customer = z.output<typeof customer>;
export type DeviceBatch = z.output<typeof deviceBatch>;
export type Device = z.output<typeof device>;
export type BatchAccepted = z.output<typeof batchAccepted>;
export type DeviceStatus = z.output<typeof deviceStatus>;
export type BatchJobStatus = z.output<typeof batchJobStatus>;
export type DeviceCollection = z.output<typeof deviceCollection>;

/** Every response body schema, as the OpenAPI document lists them. */
export const RESPONSE_SCHEMAS = [
  problem,
  customer,
  customerCollection,
  deviceBatch,
  deviceBatchCollection,
  device,
  deviceCollection,
  batchAccepted,
  deviceStatus,
  batchJobStatus,
] as const;

/**
 * A JSON answer whose body is typed by its response schema. The schema is
 * checked at compile time only: the tests hold every real answer against the
 * OpenAPI document.
 */
export function jsonOf<Schema extends z.ZodType>(schema: Schema, body: z.output<Schema>, status = 200, headers: Record<string, string> = {}): Response {
  return json(body, status, headers);
}
