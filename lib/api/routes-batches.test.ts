/**
 * Batches through the real handlers on a fresh database: 202 with the status
 * resource, each device's outcome, adding devices, deregistering, pages with
 * continuation tokens, and the requests refused with a clear 4xx problem.
 * Every answer is held to the OpenAPI document, and every refused body is one
 * the document's request schema refuses too.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { fakeHash, seeded } from '@/test-data/generate';
import { freshDatabase } from '@/test-support/database';

process.env.API_RATE_LIMIT = '1000000,1000';
freshDatabase();
const { prisma } = await import('@/lib/db/client');
const { answer, apiDevices, apiWorld, call, documented, problemAnswer, validRequestBody } = await import('./route-test-client');
const R = await import('./response-schemas');
type DeviceCollection = import('./response-schemas').DeviceCollection;

let world: Awaited<ReturnType<typeof apiWorld>>;
let key: string;
let customerId: string;

beforeAll(async () => {
  world = await apiWorld();
  key = world.keys.contoso;
  customerId = world.customers.fabrikam.id;
});

async function create(body: unknown, headers: Record<string, string> = {}) {
  expect(validRequestBody('createDeviceBatch', body)).toBe(true);
  const response = await call('createDeviceBatch', { customerId }, { key, json: body, headers });
  const accepted = await answer(response.clone(), 'createDeviceBatch', 202, R.batchAccepted);
  return { response, accepted };
}

async function statusOf(trackingId: string) {
  return answer(await call('getBatchJobStatus', { customerId, trackingId }, { key }), 'getBatchJobStatus', 200, R.batchJobStatus);
}

describe('a batch', () => {
  it('is accepted with 202, Location and the status resource, and listed with the key’s name as its source', async () => {
    const devices = apiDevices(3);
    const { response, accepted } = await create({ batchId: 'Berlin office', groupTag: 'Microsoft365Managed_Standard', devices });
    const location = `/api/v1/customers/${customerId}/batchJobStatus/${accepted.batchTrackingId}`;
    expect(response.headers.get('location')).toBe(location);
    expect(accepted.statusUrl).toBe(location);
    expect(response.headers.get('idempotent-replayed')).toBeNull();

    const status = await statusOf(accepted.batchTrackingId);
    expect(status).toMatchObject({ batchTrackingId: accepted.batchTrackingId, batchId: accepted.batchId, status: 'finished' });
    expect(status.devicesStatus.map((d) => [d.index, d.serialNumber, d.status, d.errorCode])).toEqual(devices.map((d, i) => [i, d.serialNumber, 'registered', null]));

    const batches = await answer(await call('listDeviceBatches', { customerId }, { key }), 'listDeviceBatches', 200, R.deviceBatchCollection);
    expect(batches.items[0]).toMatchObject({
      id: accepted.batchId,
      name: 'Berlin office',
      groupTag: 'Microsoft365Managed_Standard',
      devicesCount: 3,
      source: 'api',
      createdBy: 'API: ERP integration',
    });
    expect(batches.totalCount).toBe(batches.items.length);
  });

  it('gives each device its own outcome, in request order: Microsoft’s errors (802, 806, 808) and the validator’s codes', async () => {
    const [good] = apiDevices(1);
    const elsewhere = apiDevices(1)[0]!;
    await answer(
      await call('createDeviceBatch', { customerId: world.customers.woodgrove.id }, { key: world.keys.northwind, json: { groupTag: 'Line 3', devices: [elsewhere] } }),
      'createDeviceBatch',
      202,
      R.batchAccepted,
    );
    const { accepted } = await create({
      groupTag: 'Microsoft365Managed_Kiosk',
      devices: [
        good,
        { serialNumber: 'BAD', hardwareHash: 'T0Go*notbase64'.padEnd(400, 'A') },
        elsewhere,
        good,
        { serialNumber: '1.23457E+11', hardwareHash: fakeHash(seeded(4)) },
        { productKey: '3301234567890' },
      ],
    });
    const status = await statusOf(accepted.batchTrackingId);
    expect(status.status).toBe('finished_with_errors');
    expect(status.devicesStatus.map((d) => [d.index, d.status, d.errorCode, d.errorName, d.code])).toEqual([
      [0, 'registered', null, null, null],
      [1, 'failed', 802, 'InvalidZtdHardwareHash', 'HASH_NOT_BASE64'],
      [2, 'failed', 808, 'ZtdDeviceAssignedToOtherTenant', null],
      [3, 'failed', null, 'ZtdDeviceDuplicated', 'DUPLICATE_DEVICE'],
      [4, 'failed', null, 'SERIAL_SCIENTIFIC', 'SERIAL_SCIENTIFIC'],
      [5, 'failed', null, 'HASH_REQUIRED', 'HASH_REQUIRED'],
    ]);
    expect(status.devicesStatus.filter((d) => d.status === 'failed').every((d) => d.deviceId === null && d.errorDescription)).toBe(true);

    const again = await create({ groupTag: 'Microsoft365Managed_Kiosk', devices: [good] });
    expect((await statusOf(again.accepted.batchTrackingId)).devicesStatus[0]).toMatchObject({ status: 'failed', errorCode: 806, errorName: 'ZtdDeviceAlreadyAssigned' });
  });

  it('refuses, as 808, another spelling of a device another organisation holds, and one with a forbidden character with its position', async () => {
    const serial = `NW-${crypto.randomUUID().slice(0, 8).toUpperCase()}`;
    const device = { serialNumber: serial, oemManufacturerName: 'Northwind', modelName: 'NW 14' };
    await answer(
      await call('createDeviceBatch', { customerId: world.customers.woodgrove.id }, { key: world.keys.northwind, json: { groupTag: 'Line 3', devices: [device] } }),
      'createDeviceBatch',
      202,
      R.batchAccepted,
    );
    const { accepted } = await create({
      groupTag: 'Sales',
      devices: [
        { serialNumber: serial.toLowerCase(), oemManufacturerName: 'NORTHWIND', modelName: 'NW  14' },
        { serialNumber: `${serial.slice(0, 2)}\u2010${serial.slice(3)} `, oemManufacturerName: 'Northwind', modelName: 'NW 14' },
        { serialNumber: `${serial.slice(0, 3)}\u200b${serial.slice(3)}`, oemManufacturerName: 'Northwind', modelName: 'NW 14' },
      ],
    });
    const status = await statusOf(accepted.batchTrackingId);
    expect(status.devicesStatus.map((d) => [d.index, d.status, d.errorCode, d.errorName, d.code])).toEqual([
      [0, 'failed', 808, 'ZtdDeviceAssignedToOtherTenant', null],
      [1, 'failed', null, 'ZtdDeviceDuplicated', 'DUPLICATE_DEVICE'],
      [2, 'failed', null, 'VALUE_CONTROL_CHARACTER', 'VALUE_CONTROL_CHARACTER'],
    ]);
    expect(status.devicesStatus[2]!.errorDescription).toContain('U+200B');
    // The look-alike hyphen alone, in a request of its own.
    const alone = await create({ groupTag: 'Sales', devices: [{ serialNumber: `${serial.slice(0, 2)}\u2010${serial.slice(3)}`, oemManufacturerName: 'Northwind', modelName: 'NW 14' }] });
    expect((await statusOf(alone.accepted.batchTrackingId)).devicesStatus[0]).toMatchObject({ status: 'failed', errorCode: 808 });
    expect(await prisma.device.count({ where: { customerId, serialNumber: { in: [serial.toLowerCase(), serial] } } })).toBe(0);
  });

  it('takes more devices under its group tag, lists them, and deregisters one (204, then 404); the device can then be registered again', async () => {
    const { accepted } = await create({ batchId: 'Extended', devices: apiDevices(2) });
    const more = apiDevices(2);
    expect(validRequestBody('addBatchDevices', { devices: more })).toBe(true);
    const added = await call('addBatchDevices', { customerId, batchId: accepted.batchId }, { key, json: { devices: more } });
    const addedBody = await answer(added.clone(), 'addBatchDevices', 202, R.batchAccepted);
    expect(addedBody.batchId).toBe(accepted.batchId);
    expect(added.headers.get('location')).toBe(addedBody.statusUrl);
    expect((await statusOf(addedBody.batchTrackingId)).status).toBe('finished');

    const list = await answer(await call('listBatchDevices', { customerId, batchId: accepted.batchId }, { key }), 'listBatchDevices', 200, R.deviceCollection);
    expect(list.totalCount).toBe(4);
    expect(list.continuationToken).toBeNull();
    expect(list.items.every((d) => d.groupTag === 'Extended')).toBe(true);
    expect(list.items.map((d) => d.serialNumber)).toEqual(expect.arrayContaining(more.map((d) => d.serialNumber)));

    const victim = list.items.find((d) => d.serialNumber === more[0]!.serialNumber)!;
    const params = { customerId, batchId: accepted.batchId, deviceId: victim.id };
    const deleted = await call('deleteDevice', params, { key });
    expect(deleted.status).toBe(204);
    expect(await documented(deleted, 'deleteDevice')).toBeUndefined();
    await problemAnswer(await call('deleteDevice', params, { key }), 'deleteDevice', 404, 'NotFound');
    const after = await answer(await call('listBatchDevices', { customerId, batchId: accepted.batchId }, { key }), 'listBatchDevices', 200, R.deviceCollection);
    expect(after.items.map((d) => d.id)).not.toContain(victim.id);

    const back = await create({ batchId: 'Back again', devices: [more[0]] });
    expect((await statusOf(back.accepted.batchTrackingId)).devicesStatus[0]!.status).toBe('registered');
  });

  it('comes back 100 devices a page, with a continuation token in the body and the header; a token it never gave is refused', async () => {
    const { accepted } = await create({ batchId: 'Big order', devices: Array.from({ length: 250 }, (_, i) => ({ productKey: String(3_400_000_000_000 + i) })) });
    const params = { customerId, batchId: accepted.batchId };
    const seen = new Set<string>();
    const sizes: number[] = [];
    const tokens: string[] = [];
    let token: string | null = null;
    do {
      const headers: Record<string, string> = token ? { 'ms-continuationtoken': token } : {};
      const response: Response = await call('listBatchDevices', params, { key, headers });
      const header = response.headers.get('ms-continuationtoken');
      const page: DeviceCollection = await answer(response, 'listBatchDevices', 200, R.deviceCollection);
      expect(page.totalCount).toBe(250);
      expect(header).toBe(page.continuationToken);
      sizes.push(page.items.length);
      for (const d of page.items) seen.add(d.id);
      token = page.continuationToken;
      if (token) tokens.push(token);
    } while (token);
    expect(sizes).toEqual([100, 100, 50]);
    expect(seen.size).toBe(250);

    // The same page by the query parameter.
    const byHeader = await answer(await call('listBatchDevices', params, { key, headers: { 'ms-continuationtoken': tokens[0]! } }), 'listBatchDevices', 200, R.deviceCollection);
    const byQuery = await answer(await call('listBatchDevices', params, { key, query: { continuationToken: tokens[0]! } }), 'listBatchDevices', 200, R.deviceCollection);
    expect(byQuery).toEqual(byHeader);

    for (const bad of ['%%%', Buffer.from('not an id!').toString('base64url'), Buffer.from('x'.repeat(65)).toString('base64url')]) {
      await problemAnswer(await call('listBatchDevices', params, { key, headers: { 'ms-continuationtoken': bad } }), 'listBatchDevices', 400, 'InvalidContinuationToken');
    }
  });

  it(`takes up to 10,000 devices a request`, async () => {
    const devices = Array.from({ length: 10_000 }, (_, i) => ({ productKey: String(3_600_000_000_000 + i) }));
    const { accepted } = await create({ groupTag: 'Ten thousand', devices });
    expect((await statusOf(accepted.batchTrackingId)).devicesStatus.filter((d) => d.status === 'registered')).toHaveLength(10_000);
  }, 60_000);
});

describe('a bad request', () => {
  const footprint = async () => ({ batches: await prisma.deviceBatch.count(), jobs: await prisma.batchJob.count(), devices: await prisma.device.count() });

  it('refuses a body that is not JSON: 415 for another media type, 400 MalformedJson for broken JSON', async () => {
    const before = await footprint();
    const cases: Array<{ headers: Record<string, string>; body: string; status: number; code: string }> = [
      { headers: { 'content-type': 'text/plain' }, body: '{"devices":[]}', status: 415, code: 'UnsupportedMediaType' },
      { headers: {}, body: '{"devices":[]}', status: 415, code: 'UnsupportedMediaType' },
      { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'devices=1', status: 415, code: 'UnsupportedMediaType' },
      { headers: { 'content-type': 'application/json' }, body: '{"devices": [', status: 400, code: 'MalformedJson' },
      { headers: { 'content-type': 'application/json; charset=utf-8' }, body: '', status: 400, code: 'MalformedJson' },
    ];
    const { batchId } = (await create({ batchId: 'Target', devices: apiDevices(1) })).accepted;
    const after = await footprint();
    for (const { headers, body, status, code } of cases) {
      await problemAnswer(await call('createDeviceBatch', { customerId }, { key, headers, body }), 'createDeviceBatch', status, code);
      await problemAnswer(await call('addBatchDevices', { customerId, batchId }, { key, headers, body }), 'addBatchDevices', status, code);
    }
    expect(after.batches).toBe(before.batches + 1);
    expect(await footprint()).toEqual(after);
  });

  const overLong = (field: string, length: number) => ({ groupTag: 'x', devices: [{ serialNumber: 'S', [field]: 'x'.repeat(length) }] });
  const invalid: Array<[string, unknown]> = [
    ['devices of the wrong type', { groupTag: 'x', devices: 'none' }],
    ['no devices at all', { groupTag: 'x' }],
    ['a field of the wrong type', { groupTag: 'x', devices: [{ serialNumber: 42 }] }],
    ['an array', []],
    ['null', null],
    ['a serial number of 513 characters', overLong('serialNumber', 513)],
    ['a product key of 65 characters', overLong('productKey', 65)],
    ['a hardware hash of 16,385 characters', overLong('hardwareHash', 16_385)],
    ['a manufacturer of 257 characters', overLong('oemManufacturerName', 257)],
    ['a model of 257 characters', overLong('modelName', 257)],
    ['a batch name of 129 characters', { batchId: 'b'.repeat(129), devices: [{ productKey: '3301234567890' }] }],
    ['a blank batch name', { batchId: '   ', devices: [{ productKey: '3301234567890' }] }],
    ['a name of 129 characters', { name: 'n'.repeat(129), groupTag: 'x', devices: [{ productKey: '3301234567890' }] }],
    ['a group tag of 257 characters', { groupTag: 'g'.repeat(257), devices: [{ productKey: '3301234567890' }] }],
  ];

  it.each(invalid)('refuses %s with 400 InvalidRequest, as the document’s schema does', async (_, body) => {
    const before = await footprint();
    expect(validRequestBody('createDeviceBatch', body)).toBe(false);
    const refused = await problemAnswer(await call('createDeviceBatch', { customerId }, { key, json: body }), 'createDeviceBatch', 400, 'InvalidRequest');
    expect(refused.errors).toBeDefined();
    expect(await footprint()).toEqual(before);
  });

  it('refuses devices to add that break the schema, as the document’s schema does', async () => {
    const { batchId } = (await create({ batchId: 'Target 2', devices: apiDevices(1) })).accepted;
    for (const body of [{}, { devices: [{ modelName: 'm'.repeat(257) }] }]) {
      expect(validRequestBody('addBatchDevices', body)).toBe(false);
      await problemAnswer(await call('addBatchDevices', { customerId, batchId }, { key, json: body }), 'addBatchDevices', 400, 'InvalidRequest');
    }
    const tooMany = { devices: Array.from({ length: 10_001 }, () => ({ productKey: '3301234567890' })) };
    expect(validRequestBody('addBatchDevices', tooMany)).toBe(false);
    await problemAnswer(await call('addBatchDevices', { customerId, batchId }, { key, json: tooMany }), 'addBatchDevices', 400, 'TOO_MANY_DEVICES');
  });

  it('refuses more than 10,000 devices, as the document’s schema does, by the validator’s code and words', async () => {
    const before = await footprint();
    const body = { groupTag: 'x', devices: Array.from({ length: 10_001 }, (_, i) => ({ productKey: String(3_500_000_000_000 + i) })) };
    expect(validRequestBody('createDeviceBatch', body)).toBe(false);
    const refused = await problemAnswer(await call('createDeviceBatch', { customerId }, { key, json: body }), 'createDeviceBatch', 400, 'TOO_MANY_DEVICES');
    expect(refused.detail).toMatch(/10,001|10001/);
    expect(refused.errors).toEqual([expect.objectContaining({ code: 'TOO_MANY_DEVICES' })]);
    expect(await footprint()).toEqual(before);
  });

  it.each([
    ['no devices', { groupTag: 'x', devices: [] }, 'UPLOAD_EMPTY'],
    ['no group tag', { devices: [{ productKey: '3301234567890' }] }, 'GROUP_TAG_EMPTY'],
    ['a Microsoft Managed Desktop tag not spelt exactly', { groupTag: 'microsoft365managed_kiosk', devices: apiDevices(1) }, 'GROUP_TAG_NOT_EXACT'],
  ])('refuses a request with %s by the validator’s code, listing its problems', async (_, body, code) => {
    const before = await footprint();
    expect(validRequestBody('createDeviceBatch', body)).toBe(true);
    const refused = await problemAnswer(await call('createDeviceBatch', { customerId }, { key, json: body }), 'createDeviceBatch', 400, code);
    expect(refused.errors).toEqual([expect.objectContaining({ code })]);
    expect(await footprint()).toEqual(before);
  });

  it.each([['bad key with spaces'], [''], ['k'.repeat(256)], ['clé']])('refuses the Idempotency-Key %j with 400 InvalidIdempotencyKey', async (idempotencyKey) => {
    const before = await footprint();
    const response = await call('createDeviceBatch', { customerId }, { key, json: { groupTag: 'x', devices: apiDevices(1) }, headers: { 'idempotency-key': idempotencyKey } });
    await problemAnswer(response, 'createDeviceBatch', 400, 'InvalidIdempotencyKey');
    expect(await footprint()).toEqual(before);
  });
});
