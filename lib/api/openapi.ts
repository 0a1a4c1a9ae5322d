/** The API's OpenAPI 3.1 description, served at /api/v1/openapi.json and checked against real responses in the tests. */
import { PROBLEM_CODES } from '@/lib/autopilot';

const id = { type: 'string', minLength: 1 } as const;
const nullableString = { type: ['string', 'null'] } as const;
const problemRef = { $ref: '#/components/schemas/Problem' } as const;
const errors = {
  '400': { description: 'The request is malformed or breaks a rule of the request as a whole.', content: { 'application/problem+json': { schema: problemRef } } },
  '401': { description: 'No valid API key.', content: { 'application/problem+json': { schema: problemRef } } },
  '403': { description: 'No relationship between caller and account (also for a customer that does not exist).', content: { 'application/problem+json': { schema: problemRef } } },
  '429': { description: 'Too many requests for this key; see Retry-After.', headers: { 'Retry-After': { schema: { type: 'integer' } } }, content: { 'application/problem+json': { schema: problemRef } } },
};
const customerId = { name: 'customerId', in: 'path', required: true, schema: id };
const batchId = { name: 'batchId', in: 'path', required: true, schema: id };
const accepted = {
  description: 'Accepted: poll the status resource in Location.',
  headers: { Location: { schema: { type: 'string' } } },
  content: { 'application/json': { schema: { $ref: '#/components/schemas/BatchAccepted' } } },
};
const collection = (item: string) => ({
  type: 'object',
  required: ['totalCount', 'items'],
  properties: { totalCount: { type: 'integer' }, items: { type: 'array', items: { $ref: `#/components/schemas/${item}` } }, continuationToken: nullableString, attributes: { type: 'object' } },
});

export const openApiDocument = {
  openapi: '3.1.0',
  info: {
    title: 'Autopilot partner portal API',
    version: '1.0.0',
    description:
      'Register customers’ Windows devices for Windows Autopilot, as Partner Center’s device batch API does. Authenticate with `Authorization: Bearer <API key>` (keys are made on the portal’s API keys page). Errors are RFC 9457 problem details with stable codes.',
  },
  servers: [{ url: '/api/v1' }],
  security: [{ apiKey: [] }],
  paths: {
    '/customers': {
      get: { summary: 'The customers the caller may act for', responses: { '200': { description: 'The customers', content: { 'application/json': { schema: collection('Customer') } } }, '401': errors['401'], '429': errors['429'] } },
    },
    '/customers/{customerId}/deviceBatches': {
      parameters: [customerId],
      get: { summary: 'The partner’s batches for the customer', responses: { '200': { description: 'The batches', content: { 'application/json': { schema: collection('DeviceBatch') } } }, ...errors } },
      post: {
        summary: 'Create a batch with its devices',
        parameters: [{ name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string', maxLength: 255 }, description: 'A retry with the same key and body gets the first answer and registers nothing twice.' }],
        requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/DeviceBatchCreationRequest' } } } },
        responses: { '202': accepted, ...errors, '413': { description: 'The body is too large.', content: { 'application/problem+json': { schema: problemRef } } }, '415': { description: 'The body is not JSON.', content: { 'application/problem+json': { schema: problemRef } } }, '422': { description: 'The Idempotency-Key was used for another request.', content: { 'application/problem+json': { schema: problemRef } } } },
      },
    },
    '/customers/{customerId}/deviceBatches/{batchId}/devices': {
      parameters: [customerId, batchId],
      get: {
        summary: 'The batch’s devices, 100 a page',
        parameters: [{ name: 'MS-ContinuationToken', in: 'header', required: false, schema: { type: 'string' } }],
        responses: { '200': { description: 'One page of devices', content: { 'application/json': { schema: collection('Device') } } }, ...errors, '404': { description: 'No such batch.', content: { 'application/problem+json': { schema: problemRef } } } },
      },
      post: {
        summary: 'Add devices to a batch',
        requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', required: ['devices'], properties: { devices: { type: 'array', items: { $ref: '#/components/schemas/DeviceInput' } } } } } } },
        responses: { '202': accepted, ...errors, '404': { description: 'No such batch.', content: { 'application/problem+json': { schema: problemRef } } } },
      },
    },
    '/customers/{customerId}/deviceBatches/{batchId}/devices/{deviceId}': {
      parameters: [customerId, batchId, { name: 'deviceId', in: 'path', required: true, schema: id }],
      delete: { summary: 'Deregister one device', responses: { '204': { description: 'Deregistered' }, ...errors, '404': { description: 'No such device in this batch.', content: { 'application/problem+json': { schema: problemRef } } } } },
    },
    '/customers/{customerId}/batchJobStatus/{trackingId}': {
      parameters: [customerId, { name: 'trackingId', in: 'path', required: true, schema: id }],
      get: { summary: 'A batch job’s status and each device’s outcome', responses: { '200': { description: 'The status', content: { 'application/json': { schema: { $ref: '#/components/schemas/BatchJobStatus' } } } }, ...errors, '404': { description: 'No such job.', content: { 'application/problem+json': { schema: problemRef } } } } },
    },
  },
  components: {
    securitySchemes: { apiKey: { type: 'http', scheme: 'bearer', description: 'An API key: apk_ followed by 43 characters.' } },
    schemas: {
      Problem: {
        type: 'object',
        required: ['type', 'title', 'status', 'detail', 'code'],
        properties: {
          type: { type: 'string' },
          title: { type: 'string' },
          status: { type: 'integer' },
          detail: { type: 'string' },
          code: { type: 'string', description: `NoRelationship, Unauthorized, RateLimited, MalformedJson, InvalidRequest, PayloadTooLarge, UnsupportedMediaType, NotFound, IdempotencyKeyReused, InvalidIdempotencyKey, InvalidContinuationToken, InternalError, or a validator code: ${PROBLEM_CODES.join(', ')}` },
          errors: {},
          partnerCenterCode: { type: 'integer' },
        },
      },
      Customer: {
        type: 'object',
        required: ['id', 'companyProfile', 'relationshipToPartner'],
        properties: { id: { type: 'string' }, companyProfile: { type: 'object', required: ['companyName', 'domain'], properties: { companyName: { type: 'string' }, domain: { type: 'string' } } }, relationshipToPartner: { enum: ['reseller', 'oem'] }, relationshipSince: nullableString },
      },
      DeviceInput: {
        type: 'object',
        properties: { serialNumber: nullableString, productKey: nullableString, hardwareHash: nullableString, oemManufacturerName: nullableString, modelName: nullableString },
      },
      DeviceBatchCreationRequest: {
        type: 'object',
        required: ['devices'],
        properties: {
          batchId: { type: 'string', description: 'Partner Center’s batch name; the group tag when groupTag is absent.' },
          name: { type: 'string' },
          groupTag: { type: 'string', description: 'The devices’ group tag. A Microsoft Managed Desktop tag must be exact, and then every device needs a hardware hash.' },
          devices: { type: 'array', maxItems: 10000, items: { $ref: '#/components/schemas/DeviceInput' } },
        },
      },
      BatchAccepted: { type: 'object', required: ['batchTrackingId', 'batchId', 'statusUrl'], properties: { batchTrackingId: { type: 'string' }, batchId: { type: 'string' }, statusUrl: { type: 'string' } } },
      DeviceBatch: {
        type: 'object',
        required: ['id', 'groupTag', 'creationDate', 'devicesCount', 'source'],
        properties: { id: { type: 'string' }, name: nullableString, groupTag: { type: 'string' }, createdBy: nullableString, creationDate: { type: 'string', format: 'date-time' }, devicesCount: { type: 'integer' }, source: { enum: ['api', 'files'] } },
      },
      Device: {
        type: 'object',
        required: ['id', 'groupTag', 'uploadedDate'],
        properties: { id: { type: 'string' }, serialNumber: nullableString, productKey: nullableString, hardwareHash: nullableString, oemManufacturerName: nullableString, modelName: nullableString, groupTag: { type: 'string' }, policies: { type: 'array' }, uploadedDate: { type: 'string', format: 'date-time' } },
      },
      BatchJobStatus: {
        type: 'object',
        required: ['batchTrackingId', 'status', 'devicesStatus'],
        properties: {
          batchTrackingId: { type: 'string' },
          batchId: nullableString,
          status: { enum: ['queued', 'processing', 'finished', 'finished_with_errors'] },
          startedTime: { type: 'string', format: 'date-time' },
          lastUpdatedTime: { type: 'string', format: 'date-time' },
          devicesStatus: {
            type: 'array',
            items: {
              type: 'object',
              required: ['index', 'status'],
              properties: {
                index: { type: 'integer' },
                deviceId: nullableString,
                serialNumber: nullableString,
                productKey: nullableString,
                status: { enum: ['registered', 'failed'] },
                errorCode: { type: ['integer', 'null'] },
                errorName: nullableString,
                errorDescription: nullableString,
                code: nullableString,
              },
            },
          },
        },
      },
    },
  },
} as const;
