/**
 * Who may call the API, route by route, through the real handlers on a
 * fresh database: a live key (401 otherwise), the scope the operation needs
 * (403 InsufficientScope), an active relationship of the partner's kind with
 * the customer (403 NoRelationship, the same for a customer that does not
 * exist), and the partner's own rows only (404). Every answer is held to the
 * OpenAPI document.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '@/test-support/database';

process.env.API_RATE_LIMIT = '1000000,1000';
freshDatabase();
const { prisma } = await import('@/lib/db/client');
const { answer, apiDevices, apiWorld, call, documented, problemAnswer, OPERATIONS } = await import('./route-test-client');
const R = await import('./response-schemas');

type World = Awaited<ReturnType<typeof apiWorld>>;
type OperationId = keyof typeof OPERATIONS;
let world: World;
/** Contoso's batch for Fabrikam, its job and its devices: real ids, so that only the caller decides the answer. */
let fabrikamBatch: { batchId: string; trackingId: string; deviceIds: string[] };

async function createBatch(key: string, customerId: string, devices = apiDevices(2)) {
  const response = await call('createDeviceBatch', { customerId }, { key, json: { groupTag: 'Order 4711', devices } });
  const accepted = await answer(response, 'createDeviceBatch', 202, R.batchAccepted);
  const status = await answer(await call('getBatchJobStatus', { customerId, trackingId: accepted.batchTrackingId }, { key }), 'getBatchJobStatus', 200, R.batchJobStatus);
  return { batchId: accepted.batchId, trackingId: accepted.batchTrackingId, deviceIds: status.devicesStatus.map((d) => d.deviceId!) };
}

beforeAll(async () => {
  world = await apiWorld();
  fabrikamBatch = await createBatch(world.keys.contoso, world.customers.fabrikam.id, apiDevices(3));
});

/** Calls an operation for a customer with everything else real; POSTs carry a valid body. */
function callFor(id: OperationId, customerId: string, key: string | null, authorization?: string) {
  const { batchId, trackingId, deviceIds } = fabrikamBatch;
  const options = { key, authorization };
  switch (id) {
    case 'listCustomers':
      return call(id, {}, options);
    case 'listDeviceBatches':
      return call(id, { customerId }, options);
    case 'createDeviceBatch':
      return call(id, { customerId }, { ...options, json: { groupTag: 'Order 4711', devices: apiDevices(1) } });
    case 'listBatchDevices':
      return call(id, { customerId, batchId }, options);
    case 'addBatchDevices':
      return call(id, { customerId, batchId }, { ...options, json: { devices: apiDevices(1) } });
    case 'deleteDevice':
      return call(id, { customerId, batchId, deviceId: deviceIds[0]! }, options);
    case 'getBatchJobStatus':
      return call(id, { customerId, trackingId }, options);
  }
}

const ALL = Object.keys(OPERATIONS) as OperationId[];
const CUSTOMER_BOUND = ALL.filter((id) => id !== 'listCustomers');
const SCOPE: Record<OperationId, 'read' | 'write' | 'delete'> = {
  listCustomers: 'read',
  listDeviceBatches: 'read',
  createDeviceBatch: 'write',
  listBatchDevices: 'read',
  addBatchDevices: 'write',
  deleteDevice: 'delete',
  getBatchJobStatus: 'read',
};

describe('the API key', () => {
  /** What the calls could have changed. */
  const footprint = async () => ({
    batches: await prisma.deviceBatch.count(),
    devices: await prisma.device.count({ where: { status: 'REGISTERED' } }),
    jobs: await prisma.batchJob.count(),
  });

  it.each(ALL)('%s: 401, the same each time, without a key, with a malformed, unknown or revoked one', async (id) => {
    const fabrikam = world.customers.fabrikam.id;
    const before = await footprint();
    const answers = [
      await callFor(id, fabrikam, null),
      await callFor(id, fabrikam, null, 'Basic dXNlcjpwYXNz'),
      await callFor(id, fabrikam, null, 'Bearer not-a-key'),
      await callFor(id, fabrikam, null, `Bearer apk_${'x'.repeat(42)}`),
      await callFor(id, fabrikam, `apk_${'x'.repeat(43)}`),
      await callFor(id, fabrikam, world.keys.revoked),
    ];
    const bodies = [];
    for (const response of answers) {
      expect(response.headers.get('www-authenticate')).toBe('Bearer');
      bodies.push(await problemAnswer(response, id, 401, 'Unauthorized'));
    }
    expect(new Set(bodies.map((b) => JSON.stringify(b))).size).toBe(1);
    expect(await footprint()).toEqual(before);
  });

  it.each(ALL)('%s: 403 InsufficientScope for a key without the scope it needs', async (id) => {
    const before = await footprint();
    const lacking = (['read', 'write', 'delete'] as const).filter((scope) => scope !== SCOPE[id]);
    for (const scope of lacking) {
      const refused = await problemAnswer(await callFor(id, world.customers.fabrikam.id, world.keys[scope]), id, 403, 'InsufficientScope');
      expect(refused.partnerCenterCode).toBeUndefined();
      // Before the customer is looked at: an unrelated customer gets the same answer.
      expect(await problemAnswer(await callFor(id, world.customers.tailspin.id, world.keys[scope]), id, 403, 'InsufficientScope')).toEqual(refused);
    }
    expect(await footprint()).toEqual(before);
  });

  it('does what its scope allows: read lists, write adds, delete deregisters', async () => {
    const { fabrikam } = world.customers;
    for (const id of ['listCustomers', 'listDeviceBatches', 'listBatchDevices', 'getBatchJobStatus'] as const) {
      expect((await callFor(id, fabrikam.id, world.keys.read)).status, id).toBe(200);
    }
    await answer(await callFor('createDeviceBatch', fabrikam.id, world.keys.write), 'createDeviceBatch', 202, R.batchAccepted);
    expect(await answer(await callFor('addBatchDevices', fabrikam.id, world.keys.write), 'addBatchDevices', 202, R.batchAccepted)).toMatchObject({
      batchId: fabrikamBatch.batchId,
    });
    const mine = await createBatch(world.keys.contoso, fabrikam.id, apiDevices(1));
    const deleted = await call('deleteDevice', { customerId: fabrikam.id, batchId: mine.batchId, deviceId: mine.deviceIds[0]! }, { key: world.keys.delete });
    expect(await documented(deleted, 'deleteDevice')).toBeUndefined();
    expect(deleted.status).toBe(204);
  });
});

describe('the customer', () => {
  it.each(CUSTOMER_BOUND)('%s: 403 NoRelationship, the same for an unrelated, a former, another kind’s, another partner’s and a nonexistent customer', async (id) => {
    const { tailspin, removed, adatum, woodgrove } = world.customers;
    const batchesBefore = await prisma.deviceBatch.count();
    const bodies = [];
    for (const customerId of [tailspin.id, removed.id, adatum.id, woodgrove.id, 'no-such-customer', 'not an id!', 'x'.repeat(500)]) {
      const refused = await problemAnswer(await callFor(id, customerId, world.keys.contoso), id, 403, 'NoRelationship');
      expect(refused.partnerCenterCode).toBe(20002);
      bodies.push(refused);
    }
    expect(new Set(bodies.map((b) => JSON.stringify(b))).size).toBe(1);
    expect(await prisma.deviceBatch.count()).toBe(batchesBefore);
  });

  it('lists for a CSP key its reseller customers only, and for an OEM key its OEM customers only', async () => {
    const { fabrikam, woodgrove, litware } = world.customers;
    const csp = await answer(await call('listCustomers', {}, { key: world.keys.contoso }), 'listCustomers', 200, R.customerCollection);
    expect(csp.items.map((c) => [c.id, c.relationshipToPartner])).toEqual([
      [fabrikam.id, 'reseller'],
      [litware.id, 'reseller'],
    ]);
    expect(csp.totalCount).toBe(2);
    expect(csp.items[0]).toMatchObject({ companyProfile: { companyName: fabrikam.name, domain: fabrikam.domain } });
    const oem = await answer(await call('listCustomers', {}, { key: world.keys.northwind }), 'listCustomers', 200, R.customerCollection);
    expect(oem.items.map((c) => [c.id, c.relationshipToPartner])).toEqual([
      [litware.id, 'oem'],
      [woodgrove.id, 'oem'],
    ]);
  });

  it('lets an OEM key act for its OEM customers and refuses the CSP’s, and the other way round', async () => {
    const { fabrikam, woodgrove } = world.customers;
    await createBatch(world.keys.northwind, woodgrove.id, apiDevices(1));
    await problemAnswer(await callFor('createDeviceBatch', fabrikam.id, world.keys.northwind), 'createDeviceBatch', 403, 'NoRelationship');
    await problemAnswer(await callFor('listDeviceBatches', woodgrove.id, world.keys.contoso), 'listDeviceBatches', 403, 'NoRelationship');
  });
});

describe('the partner’s own rows', () => {
  it('shows a customer of two partners to each only what it registered: another’s batch, job or device is not found', async () => {
    const { litware } = world.customers;
    const contosos = await createBatch(world.keys.contoso, litware.id, apiDevices(1));
    const northwinds = await createBatch(world.keys.northwind, litware.id, apiDevices(1));
    const listed = await answer(await call('listDeviceBatches', { customerId: litware.id }, { key: world.keys.northwind }), 'listDeviceBatches', 200, R.deviceBatchCollection);
    expect(listed.items.map((b) => b.id)).toEqual([northwinds.batchId]);
    const key = world.keys.northwind;
    const { batchId, trackingId, deviceIds } = contosos;
    const customerId = litware.id;
    await problemAnswer(await call('listBatchDevices', { customerId, batchId }, { key }), 'listBatchDevices', 404, 'NotFound');
    await problemAnswer(await call('addBatchDevices', { customerId, batchId }, { key, json: { devices: apiDevices(1) } }), 'addBatchDevices', 404, 'NotFound');
    await problemAnswer(await call('getBatchJobStatus', { customerId, trackingId }, { key }), 'getBatchJobStatus', 404, 'NotFound');
    await problemAnswer(await call('deleteDevice', { customerId, batchId, deviceId: deviceIds[0]! }, { key }), 'deleteDevice', 404, 'NotFound');
    // Not even under the OEM's own batch.
    await problemAnswer(await call('deleteDevice', { customerId, batchId: northwinds.batchId, deviceId: deviceIds[0]! }, { key }), 'deleteDevice', 404, 'NotFound');
    expect(await prisma.device.count({ where: { id: deviceIds[0]!, status: 'REGISTERED' } })).toBe(1);
  });

  it('answers 404 for a batch, job or device that does not exist', async () => {
    const key = world.keys.contoso;
    const customerId = world.customers.fabrikam.id;
    const { batchId } = fabrikamBatch;
    const notFound = [
      [await call('listBatchDevices', { customerId, batchId: 'no-such-batch' }, { key }), 'listBatchDevices'],
      [await call('addBatchDevices', { customerId, batchId: 'no-such-batch' }, { key, json: { devices: apiDevices(1) } }), 'addBatchDevices'],
      [await call('getBatchJobStatus', { customerId, trackingId: 'no-such-job' }, { key }), 'getBatchJobStatus'],
      [await call('deleteDevice', { customerId, batchId, deviceId: 'no-such-device' }, { key }), 'deleteDevice'],
      [await call('deleteDevice', { customerId, batchId: 'no-such-batch', deviceId: fabrikamBatch.deviceIds[1]! }, { key }), 'deleteDevice'],
    ] as const;
    for (const [response, id] of notFound) await problemAnswer(response, id, 404, 'NotFound');
  });
});

describe('the checks these tests make', () => {
  it('fail an answer the document does not describe: its status, its headers or its body', async () => {
    const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
      new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
    await expect(documented(json({ items: [] }), 'listCustomers')).rejects.toThrow(/totalCount/);
    await expect(documented(json({ totalCount: 0, items: [], attributes: { objectType: 'Collection' }, extra: 1 }), 'listCustomers')).rejects.toThrow(/additionalProperties/);
    await expect(documented(json({}, 404), 'listCustomers')).rejects.toThrow(/does not describe/);
    await expect(documented(json({ totalCount: 0, items: [], attributes: { objectType: 'Collection' } }, 200, { 'x-extra': '1' }), 'listCustomers')).rejects.toThrow(/x-extra/);
    await expect(documented(json({ ok: true }, 202), 'deleteDevice')).rejects.toThrow(/does not describe/);
  });
});
