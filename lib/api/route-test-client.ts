/**
 * Test support for lib/api/*.test.ts (nothing else imports it): calls the
 * API's route handlers in-process, as Next calls them, and holds every answer
 * to the OpenAPI document the API serves: its status must be described for
 * the operation, its media type, headers and body must match. Import it
 * after freshDatabase(): the handlers open the database.
 */
import { randomUUID } from 'node:crypto';
import Ajv2020 from 'ajv/dist/2020.js';
import { expect } from 'vitest';
import type { z } from 'zod';
import * as customers from '@/app/api/v1/customers/route';
import * as job from '@/app/api/v1/customers/[customerId]/batchJobStatus/[trackingId]/route';
import * as batches from '@/app/api/v1/customers/[customerId]/deviceBatches/route';
import * as batchDevices from '@/app/api/v1/customers/[customerId]/deviceBatches/[batchId]/devices/route';
import * as device from '@/app/api/v1/customers/[customerId]/deviceBatches/[batchId]/devices/[deviceId]/route';
import { openApiDocument, type JsonSchema } from './openapi';
import { problem, type Problem } from './response-schemas';
import { apiKey, customer, deviceList, partner, relationship } from '@/test-support/factories';

/** Every operation of the API: its handler, and where the document describes it. */
export const OPERATIONS = {
  listCustomers: { method: 'get', path: '/customers', handler: customers.GET },
  listDeviceBatches: { method: 'get', path: '/customers/{customerId}/deviceBatches', handler: batches.GET },
  createDeviceBatch: { method: 'post', path: '/customers/{customerId}/deviceBatches', handler: batches.POST },
  listBatchDevices: { method: 'get', path: '/customers/{customerId}/deviceBatches/{batchId}/devices', handler: batchDevices.GET },
  addBatchDevices: { method: 'post', path: '/customers/{customerId}/deviceBatches/{batchId}/devices', handler: batchDevices.POST },
  deleteDevice: { method: 'delete', path: '/customers/{customerId}/deviceBatches/{batchId}/devices/{deviceId}', handler: device.DELETE },
  getBatchJobStatus: { method: 'get', path: '/customers/{customerId}/batchJobStatus/{trackingId}', handler: job.GET },
} as const;

export type OperationId = keyof typeof OPERATIONS;
type ParamsOf<Id extends OperationId> = (typeof OPERATIONS)[Id]['handler'] extends (request: Request, context: { params: Promise<infer P> }) => Promise<Response> ? P : never;

export interface CallOptions {
  /** The API key, sent as `Authorization: Bearer <key>`; null sends no Authorization header. */
  key: string | null;
  /** Authorization exactly as given, in place of the key's. */
  authorization?: string;
  headers?: Record<string, string>;
  /** A body, sent as JSON with Content-Type application/json. */
  json?: unknown;
  /** A body, sent as it is (with whatever Content-Type `headers` give). */
  body?: string;
  query?: Record<string, string>;
}

/** Calls the operation's handler with a Request as Next makes one, and the route's params. */
export function call<Id extends OperationId>(id: Id, params: ParamsOf<Id>, options: CallOptions): Promise<Response> {
  const { method, path, handler } = OPERATIONS[id];
  const values = params as Record<string, string>;
  const url = new URL(`http://localhost/api/v1${path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(values[name] ?? ''))}`);
  for (const [name, value] of Object.entries(options.query ?? {})) url.searchParams.set(name, value);
  const headers = new Headers(options.headers);
  const authorization = options.authorization ?? (options.key === null ? null : `Bearer ${options.key}`);
  if (authorization !== null) headers.set('authorization', authorization);
  let body: string | undefined = options.body;
  if (options.json !== undefined) {
    body = JSON.stringify(options.json);
    if (!headers.has('content-type')) headers.set('content-type', 'application/json');
  }
  const request = new Request(url, { method: method.toUpperCase(), headers, body });
  const run = handler as (request: Request, context: { params: Promise<ParamsOf<Id>> }) => Promise<Response>;
  return run(request, { params: Promise.resolve(params) });
}

const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
ajv.addSchema(JSON.parse(JSON.stringify(openApiDocument)) as object, 'openapi.json');

function validator(schema: JsonSchema) {
  const validate = typeof schema.$ref === 'string' ? ajv.getSchema(`openapi.json${schema.$ref}`) : ajv.compile(schema);
  if (!validate) throw new Error(`The document has no schema ${schema.$ref}`);
  return validate;
}

function operationOf(id: OperationId) {
  const { method, path } = OPERATIONS[id];
  const operation = openApiDocument.paths[path]?.[method];
  if (!operation) throw new Error(`The document does not describe ${id}`);
  return operation;
}

/** Whether a request body is valid by the schema the document gives the operation's request. */
export function validRequestBody(id: OperationId, body: unknown): boolean {
  const schema = operationOf(id).requestBody?.content['application/json']?.schema;
  if (!schema) throw new Error(`${id} takes no body`);
  return validator(schema)(body) === true;
}

const UNDESCRIBED_HEADERS = new Set(['content-type', 'content-length']);

/**
 * Holds the answer to the document: its status is one the operation
 * describes, and its media type, headers and body are as described. Returns
 * the body (undefined when the answer has none).
 */
export async function documented(response: Response, id: OperationId): Promise<unknown> {
  const described = operationOf(id).responses[String(response.status)];
  expect(described, `${id} answered ${response.status}, which the document does not describe`).toBeDefined();
  const headers = described!.headers ?? {};
  const names = new Map(Object.keys(headers).map((name) => [name.toLowerCase(), name]));
  for (const [name, value] of response.headers) {
    if (UNDESCRIBED_HEADERS.has(name)) continue;
    expect(names.has(name), `${id} ${response.status}: header ${name} is not in the document`).toBe(true);
    const schema = headers[names.get(name)!]!.schema;
    const validate = validator(schema);
    expect(validate(schema.type === 'integer' ? Number(value) : value), `${id} ${response.status}: header ${name}: ${JSON.stringify(validate.errors)}`).toBe(true);
  }
  const text = await response.text();
  const content = Object.entries(described!.content ?? {});
  if (content.length === 0) {
    expect(text, `${id} ${response.status} should have no body`).toBe('');
    return undefined;
  }
  const [mediaType, { schema }] = content[0]!;
  expect(response.headers.get('content-type')).toBe(mediaType);
  const body: unknown = JSON.parse(text);
  const validate = validator(schema);
  expect(validate(body), `${id} ${response.status}: ${JSON.stringify(validate.errors)}`).toBe(true);
  return body;
}

/** The answer, held to the document, with the status expected and its body read by the response schema. */
export async function answer<Schema extends z.ZodType>(response: Response, id: OperationId, status: number, schema: Schema): Promise<z.output<Schema>> {
  expect(response.status, `${id}: ${await response.clone().text()}`).toBe(status);
  return schema.parse(await documented(response, id));
}

/** A problem answer, held to the document, with the status and code expected. */
export async function problemAnswer(response: Response, id: OperationId, status: number, code: string): Promise<Problem> {
  const body = await answer(response, id, status, problem);
  expect(body.code, body.detail).toBe(code);
  expect(body.status).toBe(status);
  return body;
}

/** `n` new valid devices (serial number and a realistic hardware hash each), as the API takes them. */
export function apiDevices(n: number): Array<{ serialNumber: string | null; hardwareHash: string | null }> {
  return deviceList(n).devices.map((d) => ({ serialNumber: d.serialNumber, hardwareHash: d.hardwareHash }));
}

/**
 * Two partners and their customers, every kind of relationship, and keys:
 * a CSP (Contoso) and an OEM (Northwind); Fabrikam is Contoso's reseller
 * customer, Woodgrove Northwind's OEM customer, Litware both; Adatum has an
 * OEM-kind relationship with the CSP and Proseware a reseller-kind one with
 * the OEM (neither is acted for); Contoso's relationship with Removed Co
 * ended; Tailspin has none.
 */
export async function apiWorld() {
  const contoso = await partner({ name: `Contoso ${randomUUID()}` });
  const northwind = await partner({ kind: 'OEM', name: `Northwind ${randomUUID()}` });
  const named = async (name: string) => customer({ name: `${name} ${randomUUID()}` });
  const fabrikam = await named('Fabrikam');
  const woodgrove = await named('Woodgrove');
  const litware = await named('Litware');
  const adatum = await named('Adatum');
  const proseware = await named('Proseware');
  const removed = await named('Removed Co');
  const tailspin = await named('Tailspin');
  await relationship(contoso, fabrikam);
  await relationship(northwind, woodgrove);
  await relationship(contoso, litware);
  await relationship(northwind, litware);
  await relationship(contoso, adatum, { kind: 'OEM' });
  await relationship(northwind, proseware, { kind: 'RESELLER' });
  await relationship(contoso, removed, { status: 'REMOVED' });
  return {
    contoso,
    northwind,
    customers: { fabrikam, woodgrove, litware, adatum, proseware, removed, tailspin },
    keys: {
      contoso: (await apiKey(contoso, { name: 'ERP integration' })).key,
      northwind: (await apiKey(northwind, { name: 'Factory line 3' })).key,
      read: (await apiKey(contoso, { scopes: ['read'] })).key,
      write: (await apiKey(contoso, { scopes: ['write'] })).key,
      delete: (await apiKey(contoso, { scopes: ['delete'] })).key,
      revoked: (await apiKey(contoso, { revoked: true })).key,
    },
  };
}
