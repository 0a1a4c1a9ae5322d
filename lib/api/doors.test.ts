/**
 * The API's doors, as an attacker tried them: a chunked body far over the
 * cap, a media type that is not this API's JSON, the Bearer scheme in any
 * case, and a database that refuses writes while keys are only read.
 */
import { describe, expect, it } from 'vitest';
import { freshDatabase, refuseWrites } from '@/test-support/database';
import { apiKey } from '@/test-support/factories';

process.env.API_MAX_BODY_BYTES = String(64 * 1024);
freshDatabase();
const { prisma } = await import('@/lib/db/client');
const { isJsonMediaType, readCapped, readJson } = await import('./route');
const { bearerKey } = await import('@/lib/auth/api-keys');
const { principalForApiKey, LAST_USE_EVERY_MS } = await import('@/lib/data/api-keys');
const { apiWorld, call, problemAnswer } = await import('./route-test-client');

/** A chunked body without Content-Length: `chunks` of 64 KiB, counting how many were pulled. */
function endlessBody(chunks: number) {
  let pulled = 0;
  const chunk = new Uint8Array(64 * 1024).fill(0x20);
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled >= chunks) return controller.close();
      pulled++;
      controller.enqueue(chunk);
    },
  });
  const request = new Request('http://localhost/api/v1/x', { method: 'POST', body: stream, headers: { 'content-type': 'application/json' }, duplex: 'half' } as RequestInit);
  return { request, pulled: () => pulled };
}

describe('a request body', () => {
  it('is refused as soon as it crosses the cap, chunked and undeclared, without reading the rest', async () => {
    // 16 GiB offered, 64 KiB allowed: the reader stops after the chunk that crosses the cap.
    const body = endlessBody(256 * 1024);
    expect(await readCapped(body.request, 64 * 1024)).toBeNull();
    expect(body.pulled()).toBeLessThanOrEqual(3);
    const json = endlessBody(1024);
    const read = await readJson(json.request, 64 * 1024);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.response.status).toBe(413);
  });

  it('is read whole when under the cap', async () => {
    const request = new Request('http://localhost/x', { method: 'POST', body: '{"a":1}', headers: { 'content-type': 'application/json; charset=utf-8' } });
    expect(await readJson(request, 100)).toEqual({ ok: true, body: { a: 1 } });
  });

  it('is JSON only as application/json or a +json type, and merge-patch is not', () => {
    expect(isJsonMediaType('application/json')).toBe(true);
    expect(isJsonMediaType('Application/JSON; charset=utf-8')).toBe(true);
    expect(isJsonMediaType('application/problem+json')).toBe(true);
    for (const type of ['application/merge-patch+json', 'application/jsonp', 'text/json', 'application/json-seq', 'application/x-www-form-urlencoded', '', null]) {
      expect(isJsonMediaType(type), String(type)).toBe(false);
    }
  });

  it('in merge-patch form is refused by the API with 415', async () => {
    const world = await apiWorld();
    const { key } = await apiKey(world.contoso);
    const response = await call(
      'createDeviceBatch',
      { customerId: world.customers.fabrikam.id },
      { key, headers: { 'content-type': 'application/merge-patch+json' }, body: JSON.stringify({ groupTag: 'x', devices: [{ productKey: '3301234567890' }] }) },
    );
    await problemAnswer(response, 'createDeviceBatch', 415, 'UnsupportedMediaType');
  });
});

describe('the Authorization header', () => {
  it('takes the Bearer scheme in any case (RFC 7235), and nothing but a key of ours', () => {
    const key = `apk_${'A'.repeat(43)}`;
    for (const header of [`Bearer ${key}`, `bearer ${key}`, `BEARER ${key}`, `Bearer\t${key}`]) expect(bearerKey(header), header).toBe(key);
    for (const header of [`Basic ${key}`, `Bearer${key}`, `Bearer ${key} extra`, `Bearer apk_short`, `Bearer ${key.toLowerCase()}x`]) expect(bearerKey(header), header).toBeNull();
  });
});

describe('a key’s last use', () => {
  it('is written at most once a minute', async () => {
    const world = await apiWorld();
    const { key, principal } = await apiKey(world.contoso);
    await principalForApiKey(key);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const first = (await prisma.apiKey.findUniqueOrThrow({ where: { id: principal.keyId } })).lastUsedAt;
    expect(first).toBeInstanceOf(Date);
    await principalForApiKey(key);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await prisma.apiKey.findUniqueOrThrow({ where: { id: principal.keyId } })).lastUsedAt).toEqual(first);
    // A minute later, it is written again.
    await prisma.apiKey.update({ where: { id: principal.keyId }, data: { lastUsedAt: new Date(Date.now() - LAST_USE_EVERY_MS - 1000) } });
    await principalForApiKey(key);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await prisma.apiKey.findUniqueOrThrow({ where: { id: principal.keyId } })).lastUsedAt!.getTime()).toBeGreaterThan(Date.now() - 5000);
  });

  it('failing to be written (a database refusing writes) fails no read', async () => {
    const world = await apiWorld();
    const { key } = await apiKey(world.contoso);
    const allowWrites = await refuseWrites(prisma);
    try {
      const response = await call('listCustomers', {}, { key });
      expect(response.status).toBe(200);
      // The last use, written after the answer, was refused.
      await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      await allowWrites();
    }
  });
});

describe('a database that refuses writes', () => {
  it('still answers reads, and answers writes 503 with Retry-After, storing nothing', async () => {
    const world = await apiWorld();
    const { key } = await apiKey(world.contoso);
    const customerId = world.customers.fabrikam.id;
    const batches = await prisma.deviceBatch.count();
    const allowWrites = await refuseWrites(prisma);
    try {
      expect((await call('listCustomers', {}, { key })).status).toBe(200);
      const refused = await call('createDeviceBatch', { customerId }, { key, json: { batchId: 'ReadOnly', devices: [{ productKey: '3301234567899' }] } });
      expect(refused.headers.get('retry-after')).toBe('30');
      await problemAnswer(refused, 'createDeviceBatch', 503, 'StorageUnavailable');
    } finally {
      await allowWrites();
    }
    expect(await prisma.deviceBatch.count()).toBe(batches);
  });
});

describe('names and values that display as something else', () => {
  it('are refused: a batch name with a direction override answers 400, nothing stored', async () => {
    const world = await apiWorld();
    const { key } = await apiKey(world.contoso);
    const batches = await prisma.deviceBatch.count();
    const response = await call('createDeviceBatch', { customerId: world.customers.fabrikam.id }, { key, json: { batchId: 'Q3-\u202egpj.exe', devices: [{ productKey: '3301234567898' }] } });
    await problemAnswer(response, 'createDeviceBatch', 400, 'InvalidRequest');
    expect(await prisma.deviceBatch.count()).toBe(batches);
  });
});
