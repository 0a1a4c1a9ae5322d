/**
 * The API's limits through the real handlers on a fresh database, with small
 * limits set before anything reads them: a body over API_MAX_BODY_BYTES
 * (413, declared or not), and a key over API_RATE_LIMIT (429 with
 * Retry-After). Every answer is held to the OpenAPI document.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '@/test-support/database';
import { apiKey } from '@/test-support/factories';

const MAX_BODY = 4096;
process.env.API_MAX_BODY_BYTES = String(MAX_BODY);
// Three requests per key, then one every 1,000 seconds: nothing refills during the test.
process.env.API_RATE_LIMIT = '3,0.001';
freshDatabase();
const { prisma } = await import('@/lib/db/client');
const { answer, apiDevices, apiWorld, call, problemAnswer } = await import('./route-test-client');
const R = await import('./response-schemas');

let world: Awaited<ReturnType<typeof apiWorld>>;
let customerId: string;
/** A new key of Contoso's: each test spends its own three requests. */
const freshKey = async () => (await apiKey(world.contoso)).key;

beforeAll(async () => {
  world = await apiWorld();
  customerId = world.customers.fabrikam.id;
});

describe('the body limit', () => {
  it('refuses a body over the limit with 413, whether Content-Length declares it or not, and stores nothing', async () => {
    const key = await freshKey();
    const accepted = await answer(await call('createDeviceBatch', { customerId }, { key, json: { batchId: 'Small', devices: [{ productKey: '3301234567890' }] } }), 'createDeviceBatch', 202, R.batchAccepted);
    const batches = await prisma.deviceBatch.count();

    // Declared: refused before the body is read (the body itself is small).
    const declared = { 'content-type': 'application/json', 'content-length': String(MAX_BODY + 1) };
    const small = JSON.stringify({ groupTag: 'x', devices: [{ productKey: '3301234567891' }] });
    const tooLarge = await problemAnswer(await call('createDeviceBatch', { customerId }, { key, headers: declared, body: small }), 'createDeviceBatch', 413, 'PayloadTooLarge');
    expect(tooLarge.detail).toContain(String(MAX_BODY));

    // Not declared: refused once read. Two hash-bearing devices are well over 4 KB.
    const big = { groupTag: 'x', devices: apiDevices(2) };
    expect(JSON.stringify(big).length).toBeGreaterThan(MAX_BODY);
    const key2 = await freshKey();
    await problemAnswer(await call('createDeviceBatch', { customerId }, { key: key2, json: big }), 'createDeviceBatch', 413, 'PayloadTooLarge');
    await problemAnswer(await call('addBatchDevices', { customerId, batchId: accepted.batchId }, { key: key2, json: { devices: big.devices } }), 'addBatchDevices', 413, 'PayloadTooLarge');
    await problemAnswer(
      await call('addBatchDevices', { customerId, batchId: accepted.batchId }, { key: key2, headers: declared, body: small }),
      'addBatchDevices',
      413,
      'PayloadTooLarge',
    );
    expect(await prisma.deviceBatch.count()).toBe(batches);
  });

  it('counts bytes, not characters', async () => {
    // 1,400 three-byte characters: 4,200 bytes in UTF-8, under 4,096 characters.
    const body = JSON.stringify({ groupTag: 'x', devices: [{ serialNumber: '€'.repeat(1400) }] });
    expect(body.length).toBeLessThan(MAX_BODY);
    await problemAnswer(
      await call('createDeviceBatch', { customerId }, { key: await freshKey(), headers: { 'content-type': 'application/json' }, body }),
      'createDeviceBatch',
      413,
      'PayloadTooLarge',
    );
  });
});

describe('the rate limit', () => {
  it('answers a key’s requests beyond its burst with 429 and Retry-After, and other keys as before', async () => {
    const key = await freshKey();
    for (let i = 0; i < 3; i++) await answer(await call('listCustomers', {}, { key }), 'listCustomers', 200, R.customerCollection);
    const limited = await call('listCustomers', {}, { key });
    const retryAfter = Number(limited.headers.get('retry-after'));
    await problemAnswer(limited, 'listCustomers', 429, 'RateLimited');
    // One request every 1,000 seconds.
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(1000);

    // Every route, the key being spent, answers alike, and does nothing.
    const batches = await prisma.deviceBatch.count();
    await problemAnswer(await call('createDeviceBatch', { customerId }, { key, json: { groupTag: 'x', devices: apiDevices(1) } }), 'createDeviceBatch', 429, 'RateLimited');
    await problemAnswer(await call('listDeviceBatches', { customerId }, { key }), 'listDeviceBatches', 429, 'RateLimited');
    const batchId = 'any-batch';
    await problemAnswer(await call('listBatchDevices', { customerId, batchId }, { key }), 'listBatchDevices', 429, 'RateLimited');
    await problemAnswer(await call('addBatchDevices', { customerId, batchId }, { key, json: { devices: [] } }), 'addBatchDevices', 429, 'RateLimited');
    await problemAnswer(await call('deleteDevice', { customerId, batchId, deviceId: 'any-device' }, { key }), 'deleteDevice', 429, 'RateLimited');
    await problemAnswer(await call('getBatchJobStatus', { customerId, trackingId: 'any-job' }, { key }), 'getBatchJobStatus', 429, 'RateLimited');
    expect(await prisma.deviceBatch.count()).toBe(batches);

    await answer(await call('listCustomers', {}, { key: await freshKey() }), 'listCustomers', 200, R.customerCollection);
  });

  it('counts requests sent at once, as from several instances, in the database: exactly the burst gets through', async () => {
    const key = await freshKey();
    const statuses = await Promise.all(Array.from({ length: 12 }, async () => (await call('listCustomers', {}, { key })).status));
    expect(statuses.filter((s) => s === 200)).toHaveLength(3);
    expect(statuses.filter((s) => s === 429)).toHaveLength(9);
    expect(await prisma.signInThrottle.count({ where: { key: { startsWith: 'api:' } } })).toBeGreaterThan(0);
  });

  it('counts nothing for a key that does not exist: made-up keys leave no trace', async () => {
    const before = await prisma.signInThrottle.count();
    for (let i = 0; i < 5; i++) expect((await call('listCustomers', {}, { key: `apk_madeup${i}_${'x'.repeat(40)}` })).status).toBe(401);
    expect(await prisma.signInThrottle.count()).toBe(before);
  });
});
