/**
 * Idempotency-Key through the real handler on a fresh database, retried in
 * turn and all at once: one batch and one job, whatever the timing; the
 * same key with another request is refused. And devices sent by concurrent
 * requests are registered once. Every answer is held to the OpenAPI document.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '@/test-support/database';

process.env.API_RATE_LIMIT = '1000000,1000';
freshDatabase();
const { prisma } = await import('@/lib/db/client');
const { answer, apiDevices, apiWorld, call, documented, problemAnswer } = await import('./route-test-client');
const R = await import('./response-schemas');

let world: Awaited<ReturnType<typeof apiWorld>>;

beforeAll(async () => {
  world = await apiWorld();
});

const create = (customerId: string, body: unknown, idempotencyKey: string, key = world.keys.contoso) =>
  call('createDeviceBatch', { customerId }, { key, json: body, headers: { 'idempotency-key': idempotencyKey } });

/** What exists under a batch name for the partner: batches, their jobs and devices, and the key's record. */
async function stored(name: string, idempotencyKey: string, partnerId = world.contoso.id) {
  const batches = await prisma.deviceBatch.findMany({ where: { name, partnerId }, select: { id: true } });
  const ids = batches.map((b) => b.id);
  return {
    batches: batches.length,
    jobs: await prisma.batchJob.count({ where: { batchId: { in: ids } } }),
    devices: await prisma.device.count({ where: { batchId: { in: ids }, status: 'REGISTERED' } }),
    records: await prisma.idempotencyRecord.count({ where: { key: idempotencyKey, partnerId } }),
  };
}

describe('a create with an Idempotency-Key', () => {
  it('retried, gets the first answer again (Idempotent-Replayed: true) and registers nothing twice', async () => {
    const customerId = world.customers.fabrikam.id;
    const body = { batchId: 'Retry batch', groupTag: 'Retry batch', devices: apiDevices(2) };
    const first = await create(customerId, body, 'order-4711');
    const firstBody = await answer(first.clone(), 'createDeviceBatch', 202, R.batchAccepted);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    for (let retry = 0; retry < 2; retry++) {
      const again = await create(customerId, body, 'order-4711');
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect(again.headers.get('location')).toBe(first.headers.get('location'));
      expect(await answer(again, 'createDeviceBatch', 202, R.batchAccepted)).toEqual(firstBody);
    }
    expect(await stored('Retry batch', 'order-4711')).toEqual({ batches: 1, jobs: 1, devices: 2, records: 1 });
  });

  it('refuses the same key with another body, or for another customer, with 422, and stores nothing', async () => {
    const { fabrikam, litware } = world.customers;
    const body = { batchId: 'Reused', devices: apiDevices(1) };
    await answer(await create(fabrikam.id, body, 'order-4712'), 'createDeviceBatch', 202, R.batchAccepted);
    await problemAnswer(await create(fabrikam.id, { ...body, devices: apiDevices(1) }, 'order-4712'), 'createDeviceBatch', 422, 'IdempotencyKeyReused');
    await problemAnswer(await create(fabrikam.id, { ...body, groupTag: 'Another tag' }, 'order-4712'), 'createDeviceBatch', 422, 'IdempotencyKeyReused');
    await problemAnswer(await create(litware.id, body, 'order-4712'), 'createDeviceBatch', 422, 'IdempotencyKeyReused');
    expect(await stored('Reused', 'order-4712')).toEqual({ batches: 1, jobs: 1, devices: 1, records: 1 });
  });

  it('is the partner’s own: another partner’s same key is another request', async () => {
    const body = { batchId: 'Same key', devices: apiDevices(1) };
    const contoso = await answer(await create(world.customers.litware.id, body, 'order-4713'), 'createDeviceBatch', 202, R.batchAccepted);
    const northwind = await create(world.customers.litware.id, { ...body, devices: apiDevices(1) }, 'order-4713', world.keys.northwind);
    expect(northwind.headers.get('idempotent-replayed')).toBeNull();
    expect((await answer(northwind, 'createDeviceBatch', 202, R.batchAccepted)).batchTrackingId).not.toBe(contoso.batchTrackingId);
  });

  it('sent five times at once, makes exactly one batch and one job: every answer is that batch’s 202, or 409', async () => {
    const customerId = world.customers.fabrikam.id;
    const body = { batchId: 'Concurrent', devices: apiDevices(20) };
    const responses = await Promise.all(Array.from({ length: 5 }, () => create(customerId, body, 'order-4714')));

    const accepted: Array<{ replayed: boolean; trackingId: string; location: string | null }> = [];
    for (const response of responses) {
      if (response.status === 409) {
        await problemAnswer(response, 'createDeviceBatch', 409, 'IdempotencyKeyInProgress');
        continue;
      }
      const replayed = response.headers.get('idempotent-replayed') === 'true';
      const location = response.headers.get('location');
      accepted.push({ replayed, location, trackingId: (await answer(response, 'createDeviceBatch', 202, R.batchAccepted)).batchTrackingId });
    }
    expect(accepted.filter((a) => !a.replayed)).toHaveLength(1);
    expect(new Set(accepted.map((a) => a.trackingId)).size).toBe(1);
    expect(new Set(accepted.map((a) => a.location)).size).toBe(1);
    expect(await stored('Concurrent', 'order-4714')).toEqual({ batches: 1, jobs: 1, devices: 20, records: 1 });
  });

  it('sent at once with different bodies, makes one batch: the others are refused with 422 or 409', async () => {
    const customerId = world.customers.fabrikam.id;
    const bodies = Array.from({ length: 5 }, () => ({ batchId: 'Race', devices: apiDevices(3) }));
    const responses = await Promise.all(bodies.map((body) => create(customerId, body, 'order-4715')));
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 202)).toHaveLength(1);
    expect(statuses.every((s) => [202, 409, 422].includes(s))).toBe(true);
    for (const response of responses) await documented(response, 'createDeviceBatch');
    expect(await stored('Race', 'order-4715')).toEqual({ batches: 1, jobs: 1, devices: 3, records: 1 });
  });
});

describe('devices sent by concurrent creates without a key', () => {
  it('are registered once: one request registers each, the others answer 806 for it', async () => {
    const customerId = world.customers.fabrikam.id;
    const devices = apiDevices(10);
    const responses = await Promise.all(Array.from({ length: 3 }, (_, i) => call('createDeviceBatch', { customerId }, { key: world.keys.contoso, json: { batchId: `Twin ${i}`, devices } })));
    const outcomes = [];
    for (const response of responses) {
      const { batchTrackingId } = await answer(response, 'createDeviceBatch', 202, R.batchAccepted);
      const status = await answer(await call('getBatchJobStatus', { customerId, trackingId: batchTrackingId }, { key: world.keys.contoso }), 'getBatchJobStatus', 200, R.batchJobStatus);
      outcomes.push(status.devicesStatus);
    }
    for (let i = 0; i < devices.length; i++) {
      const forDevice = outcomes.map((statuses) => statuses[i]!);
      expect(forDevice.filter((d) => d.status === 'registered')).toHaveLength(1);
      expect(forDevice.filter((d) => d.status === 'failed').map((d) => d.errorCode)).toEqual([806, 806]);
    }
    expect(await prisma.device.count({ where: { serialNumber: { in: devices.map((d) => d.serialNumber!) }, status: 'REGISTERED' } })).toBe(10);
  });
});
