/**
 * The OpenAPI document against its one source, the zod schemas: every
 * component is what zod makes of its schema, every request body is the
 * schema its handler parses, every route is described with its scope and
 * answers, and the document holds up as OpenAPI 3.1 as far as can be checked
 * offline (a condensed OAS 3.1 schema, each component compiled by ajv in
 * strict mode, every reference resolved).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { freshDatabase } from '@/test-support/database';

// The schemas import the batch service, which opens the database client: give it an empty database of its own.
freshDatabase();
const { openApiDocument: document, COMPONENT_REF, JSON_SCHEMA_OPTIONS, componentId, scopeFor } = await import('./openapi');
const schemas = await import('./schemas');
const responses = await import('./response-schemas');
const { problemFor, problems } = await import('./problem');
const { AppError, APP_ERROR_CODES } = await import('@/lib/errors');
const { API_MAX_DEVICES: MAX_API_DEVICES } = await import('@/lib/autopilot');

type Json = z.core.JSONSchema.BaseSchema;
type ServiceDeviceStatus = import('@/lib/services/api-batches').DeviceStatus;
type OpenApiDocument = import('./openapi').OpenApiDocument;
type DocumentedDeviceStatus = import('./response-schemas').DeviceStatus;
const components = document.components.schemas;
const METHODS = ['get', 'post', 'delete'] as const;

const operations = Object.entries(document.paths).flatMap(([path, item]) =>
  METHODS.flatMap((method) => (item[method] ? [{ path, method, item, op: item[method] }] : [])),
);

/** Every $ref in a JSON value, with a callback to rewrite it. */
function mapRefs(node: unknown, rewrite: (ref: string) => string): unknown {
  if (Array.isArray(node)) return node.map((n) => mapRefs(n, rewrite));
  if (node !== null && typeof node === 'object') {
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, k === '$ref' && typeof v === 'string' ? rewrite(v) : mapRefs(v, rewrite)]));
  }
  return node;
}

function refsIn(node: unknown): string[] {
  const found: string[] = [];
  mapRefs(node, (ref) => (found.push(ref), ref));
  return found;
}

describe('the OpenAPI document, generated from the zod schemas', () => {
  const listed = [
    ...schemas.REQUEST_SCHEMAS.map((schema) => ({ schema: schema as z.ZodType, io: 'input' as const })),
    ...responses.RESPONSE_SCHEMAS.map((schema) => ({ schema: schema as z.ZodType, io: 'output' as const })),
  ];

  it('has one component per request and response schema, and no other; the names clients know are kept', () => {
    expect(Object.keys(components).sort()).toEqual(listed.map(({ schema }) => componentId(schema)).sort());
    for (const name of ['Problem', 'Customer', 'DeviceInput', 'DeviceBatchCreationRequest', 'BatchAccepted', 'DeviceBatch', 'Device', 'BatchJobStatus']) {
      expect(components).toHaveProperty(name);
    }
  });

  it.each(listed.map(({ schema, io }) => ({ id: componentId(schema), schema, io })))(
    'component $id is z.toJSONSchema of its schema ($io side)',
    ({ id, schema, io }) => {
      // Converted alone, a schema with an id becomes a $ref into its own $defs, with every schema it names beside it.
      const alone = z.toJSONSchema(schema, { ...JSON_SCHEMA_OPTIONS, io });
      expect(alone.$ref).toBe(`#/$defs/${id}`);
      const defs = alone.$defs ?? {};
      expect(Object.keys(defs)).toContain(id);
      for (const [name, def] of Object.entries(defs)) {
        expect(mapRefs(def, (ref) => ref.replace('#/$defs/', COMPONENT_REF)), name).toEqual(components[name]);
      }
    },
  );

  it('carries the schemas’ limits: the device cap and every field’s length', () => {
    const request = components.DeviceBatchCreationRequest!;
    const devicesOf = (body: Json) => (body.properties?.devices ?? {}) as Json;
    expect(devicesOf(request)).toMatchObject({ type: 'array', maxItems: MAX_API_DEVICES, items: { $ref: `${COMPONENT_REF}DeviceInput` } });
    expect(devicesOf(components.AddDevicesRequest!)).toMatchObject({ maxItems: MAX_API_DEVICES });
    expect(MAX_API_DEVICES).toBe(10_000);
    expect(request.required).toEqual(['devices']);
    expect(request.properties).toMatchObject({ batchId: { minLength: 1, maxLength: 128 }, name: { minLength: 1, maxLength: 128 }, groupTag: { maxLength: 256 } });
    const lengths = Object.fromEntries(
      Object.entries(components.DeviceInput!.properties ?? {}).map(([field, s]) => [field, (s as Json).anyOf?.[0]?.maxLength]),
    );
    expect(lengths).toEqual({ serialNumber: 512, productKey: 64, hardwareHash: 16_384, oemManufacturerName: 256, modelName: 256 });
    const header = document.paths['/customers/{customerId}/deviceBatches']!.post!.parameters!.find((p) => p.name === 'Idempotency-Key');
    expect(header?.schema).toEqual({ type: 'string', pattern: String.raw`^[\x21-\x7e]{1,255}$` });
  });

  it('describes the service’s per-device outcome as it is stored', () => {
    expectTypeOf<ServiceDeviceStatus>().toEqualTypeOf<DocumentedDeviceStatus>();
    expect(components.BatchJobStatus!.properties?.devicesStatus).toMatchObject({ type: 'array', items: { $ref: `${COMPONENT_REF}DeviceStatus` } });
  });

  it('documents every problem code the API answers with', () => {
    const documented = new Set<string>(responses.API_PROBLEM_CODES);
    const bodies = [
      ...APP_ERROR_CODES.map((code) => problemFor(new AppError(code))),
      problems.unauthorized(),
      problems.rateLimited(1),
      problems.tooLarge(1),
      problems.unsupportedMediaType(),
      problems.internal(),
    ];
    return Promise.all(
      bodies.map(async (response) => {
        const body = responses.problem.parse(await response.json());
        expect(documented, body.code).toContain(body.code);
        expect(response.headers.get('content-type')).toBe('application/problem+json');
      }),
    );
  });
});

describe('the document and the route handlers', () => {
  const root = join(process.cwd(), 'app/api/v1');
  const routeFiles = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? routeFiles(join(dir, entry.name)) : entry.name === 'route.ts' ? [join(dir, entry.name)] : [],
    );
  const pathOf = (file: string) =>
    '/' +
    relative(root, file)
      .split(sep)
      .slice(0, -1)
      .map((segment) => segment.replace(/^\[(.+)\]$/, '{$1}'))
      .join('/');
  const files = routeFiles(root).filter((file) => !file.includes('openapi.json'));

  it('describes exactly the routes there are, in the order clients know', () => {
    expect(files.map(pathOf).sort()).toEqual(Object.keys(document.paths).sort());
    expect(Object.keys(document.paths)).toEqual([
      '/customers',
      '/customers/{customerId}/deviceBatches',
      '/customers/{customerId}/deviceBatches/{batchId}/devices',
      '/customers/{customerId}/deviceBatches/{batchId}/devices/{deviceId}',
      '/customers/{customerId}/batchJobStatus/{trackingId}',
    ]);
  });

  it.each(files.map((file) => [pathOf(file), file] as const))('%s: every method the route exports, and no other, is described', async (path, file) => {
    const route = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
    const exported = METHODS.filter((method) => typeof route[method.toUpperCase()] === 'function');
    expect(exported).toEqual(METHODS.filter((method) => document.paths[path]![method]));
  });

  it.each(files.map((file) => [pathOf(file), file] as const))('%s: each request body is the schema its handler parses', (path, file) => {
    const source = readFileSync(file, 'utf8');
    // The handlers, each from its `export const METHOD =` to the next.
    const handlers = source.split(/^export const (?=GET|POST|DELETE)/m).slice(1);
    for (const handler of handlers) {
      const method = handler.slice(0, handler.indexOf(' ')).toLowerCase() as (typeof METHODS)[number];
      const op = document.paths[path]![method]!;
      const parsed = [...handler.matchAll(/readBody\(request, (\w+),/g)].map((m) => m[1]!);
      if (!op.requestBody) {
        expect(handler, `${method} ${path} reads a body the document does not describe`).not.toMatch(/read(Json|Body)\(/);
        continue;
      }
      expect(parsed, `${method} ${path}`).toHaveLength(1);
      const schema = (schemas as Record<string, unknown>)[parsed[0]!];
      expect(schema, `${parsed[0]} is not a schema of lib/api/schemas.ts`).toBeInstanceOf(z.ZodType);
      expect(op.requestBody.content['application/json']!.schema).toEqual({ $ref: COMPONENT_REF + componentId(schema as z.ZodType) });
    }
  });

  const expected: Record<string, { scope: string; statuses: string[] }> = {
    'get /customers': { scope: 'read', statuses: ['200', '401', '403', '429', '500', '503'] },
    'get /customers/{customerId}/deviceBatches': { scope: 'read', statuses: ['200', '401', '403', '429', '500', '503'] },
    'post /customers/{customerId}/deviceBatches': { scope: 'write', statuses: ['202', '400', '401', '403', '409', '413', '415', '422', '429', '500', '503'] },
    'get /customers/{customerId}/deviceBatches/{batchId}/devices': { scope: 'read', statuses: ['200', '400', '401', '403', '404', '429', '500', '503'] },
    'post /customers/{customerId}/deviceBatches/{batchId}/devices': { scope: 'write', statuses: ['202', '400', '401', '403', '404', '413', '415', '429', '500', '503'] },
    'delete /customers/{customerId}/deviceBatches/{batchId}/devices/{deviceId}': { scope: 'delete', statuses: ['204', '401', '403', '404', '429', '500', '503'] },
    'get /customers/{customerId}/batchJobStatus/{trackingId}': { scope: 'read', statuses: ['200', '401', '403', '404', '429', '500', '503'] },
  };

  it.each(operations.map(({ path, method, op }) => [`${method} ${path}`, op] as const))('%s: its scope and its answers', (name, op) => {
    const { scope, statuses } = expected[name]!;
    expect(op.security).toEqual([{ apiKey: [scope] }]);
    expect(op.description).toContain(`\`${scope}\` scope`);
    expect(op.responses['403']!.description).toContain('InsufficientScope');
    if (name.includes('{customerId}')) expect(op.responses['403']!.description).toMatch(/NoRelationship.*20002/);
    expect(Object.keys(op.responses)).toEqual(statuses);
    if (op.responses['409']) expect(op.responses['409'].description).toContain('IdempotencyKeyInProgress');
    if (op.responses['422']) expect(op.responses['422'].description).toContain('IdempotencyKeyReused');
    expect(op.responses['429']!.headers).toHaveProperty('Retry-After');
  });

  it('names the scope that grants each permission the routes check', () => {
    expect([scopeFor('customers:read'), scopeFor('devices:read'), scopeFor('devices:add'), scopeFor('devices:delete')]).toEqual(['read', 'read', 'write', 'delete']);
  });

  it('keeps the headers clients use: Idempotency-Key, MS-ContinuationToken, Location, Retry-After', () => {
    const create = document.paths['/customers/{customerId}/deviceBatches']!.post!;
    expect(create.parameters?.map((p) => [p.name, p.in, p.required])).toEqual([['Idempotency-Key', 'header', false]]);
    expect(Object.keys(create.responses['202']!.headers ?? {})).toEqual(['Location', 'Idempotent-Replayed']);
    const list = document.paths['/customers/{customerId}/deviceBatches/{batchId}/devices']!.get!;
    expect(list.parameters?.map((p) => [p.name, p.in])).toEqual([
      ['MS-ContinuationToken', 'header'],
      ['continuationToken', 'query'],
    ]);
    expect(list.responses['200']!.headers).toHaveProperty('MS-ContinuationToken');
  });
});

/** OpenAPI 3.1's schema (spec.openapis.org/oas/3.1/schema), condensed to the objects this document uses; strict wherever the original is. */
const ext = { '^x-': true };
const schemaObject = { type: ['object', 'boolean'] };
const mapOf = (item: object) => ({ type: 'object', additionalProperties: item });
const OAS_31 = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  required: ['openapi', 'info', 'paths'],
  properties: {
    openapi: { type: 'string', pattern: '^3\\.1\\.\\d+(-.+)?$' },
    info: {
      type: 'object',
      required: ['title', 'version'],
      properties: { title: { type: 'string' }, summary: { type: 'string' }, description: { type: 'string' }, version: { type: 'string' } },
      patternProperties: ext,
      unevaluatedProperties: false,
    },
    servers: { type: 'array', items: { $ref: '#/$defs/server' } },
    paths: { type: 'object', patternProperties: { '^/': { $ref: '#/$defs/path-item' }, ...ext }, unevaluatedProperties: false },
    components: {
      type: 'object',
      properties: {
        schemas: { ...mapOf(schemaObject), propertyNames: { pattern: '^[a-zA-Z0-9._-]+$' } },
        securitySchemes: { ...mapOf({ $ref: '#/$defs/security-scheme' }), propertyNames: { pattern: '^[a-zA-Z0-9._-]+$' } },
      },
      patternProperties: ext,
      unevaluatedProperties: false,
    },
    security: { type: 'array', items: { $ref: '#/$defs/security-requirement' } },
  },
  patternProperties: ext,
  unevaluatedProperties: false,
  $defs: {
    server: { type: 'object', required: ['url'], properties: { url: { type: 'string' }, description: { type: 'string' } }, patternProperties: ext, unevaluatedProperties: false },
    'path-item': {
      type: 'object',
      properties: {
        summary: { type: 'string' },
        description: { type: 'string' },
        parameters: { type: 'array', items: { $ref: '#/$defs/parameter' } },
        ...Object.fromEntries(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'].map((m) => [m, { $ref: '#/$defs/operation' }])),
      },
      patternProperties: ext,
      unevaluatedProperties: false,
    },
    operation: {
      type: 'object',
      required: ['responses'],
      properties: {
        tags: { type: 'array', items: { type: 'string' } },
        summary: { type: 'string' },
        description: { type: 'string' },
        operationId: { type: 'string' },
        parameters: { type: 'array', items: { $ref: '#/$defs/parameter' } },
        requestBody: {
          type: 'object',
          required: ['content'],
          properties: { description: { type: 'string' }, content: { $ref: '#/$defs/content' }, required: { type: 'boolean' } },
          patternProperties: ext,
          unevaluatedProperties: false,
        },
        responses: {
          type: 'object',
          minProperties: 1,
          properties: { default: { $ref: '#/$defs/response' } },
          patternProperties: { '^[1-5](?:[0-9][0-9]|XX)$': { $ref: '#/$defs/response' }, ...ext },
          unevaluatedProperties: false,
        },
        deprecated: { type: 'boolean' },
        security: { type: 'array', items: { $ref: '#/$defs/security-requirement' } },
      },
      patternProperties: ext,
      unevaluatedProperties: false,
    },
    parameter: {
      type: 'object',
      required: ['name', 'in', 'schema'],
      properties: {
        name: { type: 'string' },
        in: { enum: ['query', 'header', 'path', 'cookie'] },
        description: { type: 'string' },
        required: { type: 'boolean' },
        deprecated: { type: 'boolean' },
        schema: schemaObject,
      },
      if: { properties: { in: { const: 'path' } } },
      then: { required: ['required'], properties: { required: { const: true } } },
      patternProperties: ext,
      unevaluatedProperties: false,
    },
    content: { ...mapOf({ $ref: '#/$defs/media-type' }), propertyNames: { pattern: '^[a-z]+/[a-z0-9.+-]+$' } },
    'media-type': { type: 'object', properties: { schema: schemaObject, example: true }, patternProperties: ext, unevaluatedProperties: false },
    response: {
      type: 'object',
      required: ['description'],
      properties: { description: { type: 'string' }, headers: mapOf({ $ref: '#/$defs/header' }), content: { $ref: '#/$defs/content' } },
      patternProperties: ext,
      unevaluatedProperties: false,
    },
    header: {
      type: 'object',
      required: ['schema'],
      properties: { description: { type: 'string' }, required: { type: 'boolean' }, deprecated: { type: 'boolean' }, schema: schemaObject },
      patternProperties: ext,
      unevaluatedProperties: false,
    },
    'security-scheme': {
      type: 'object',
      required: ['type'],
      properties: { type: { enum: ['apiKey', 'http', 'mutualTLS', 'oauth2', 'openIdConnect'] }, description: { type: 'string' }, scheme: { type: 'string' }, bearerFormat: { type: 'string' } },
      if: { properties: { type: { const: 'http' } } },
      then: { required: ['scheme'], properties: { scheme: { type: 'string' } } },
      patternProperties: ext,
      unevaluatedProperties: false,
    },
    'security-requirement': mapOf({ type: 'array', items: { type: 'string' } }),
  },
};

describe('the document as OpenAPI 3.1', () => {
  it('matches OpenAPI 3.1’s schema for the objects it uses', () => {
    const validate = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true }).compile(OAS_31);
    expect(validate(JSON.parse(JSON.stringify(document))), JSON.stringify(validate.errors, null, 1)).toBe(true);
  });

  it('refuses, through that condensed schema, what OpenAPI 3.1 refuses', () => {
    const validate = new Ajv2020({ strict: true, allowUnionTypes: true }).compile(OAS_31);
    const broken: Array<(d: OpenApiDocument) => void> = [
      (d) => void (d.openapi = '3.0.3' as '3.1.0'),
      (d) => void ((d.paths['/customers']!.get as unknown as Record<string, unknown>).body = {}),
      (d) => void delete (d.paths['/customers']!.get!.responses['200'] as { description?: string }).description,
      (d) => void (d.paths['/customers']!.get!.responses.ok = { description: 'not a status' }),
      (d) => void (d.paths['/customers/{customerId}/deviceBatches']!.parameters![0]!.required = false),
    ];
    for (const breakIt of broken) {
      const copy = structuredClone(document);
      breakIt(copy);
      expect(validate(JSON.parse(JSON.stringify(copy))), breakIt.toString()).toBe(false);
    }
  });

  it('has components that are valid JSON Schema 2020-12, compiled strictly, whose references all resolve', () => {
    const ajv = new Ajv2020({ strict: true, validateFormats: false });
    const base = 'https://portal.test/components';
    ajv.addSchema({ $id: base, $defs: mapRefs(components, (ref) => ref.replace(COMPONENT_REF, '#/$defs/')) as Record<string, Json> });
    for (const name of Object.keys(components)) expect(() => ajv.compile({ $ref: `${base}#/$defs/${name}` }), name).not.toThrow();
  });

  it('refers only to components that exist', () => {
    const refs = refsIn(document);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) {
      expect(ref.startsWith(COMPONENT_REF), ref).toBe(true);
      expect(components, ref).toHaveProperty(ref.slice(COMPONENT_REF.length));
    }
  });

  it('declares each path’s template parameters, once, and gives every operation a unique id', () => {
    for (const { path, item, op } of operations) {
      const parameters = [...(item.parameters ?? []), ...(op.parameters ?? [])];
      const inPath = parameters.filter((p) => p.in === 'path').map((p) => p.name);
      expect(inPath.sort(), path).toEqual([...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort());
      const keys = parameters.map((p) => `${p.in} ${p.name.toLowerCase()}`);
      expect(new Set(keys).size, path).toBe(keys.length);
    }
    const ids = operations.map(({ op }) => op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('survives JSON as served', () => {
    expect(JSON.parse(JSON.stringify(document))).toEqual(document);
  });
});
