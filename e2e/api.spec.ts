/**
 * The REST API, driven over HTTP against the running portal, with keys made
 * on the portal's API keys page; every answer is checked against the
 * OpenAPI document the API serves.
 */
import Ajv2020 from 'ajv/dist/2020.js';
import { expect, test, type APIRequestContext, type APIResponse, type Page } from '@playwright/test';
import { fakeHash, seeded } from '../test-data/generate';
import { CONTOSO_ADMIN, customerId, NORTHWIND_ADMIN, openDevices, signIn } from './support';

test.describe.configure({ mode: 'serial' });


async function createKey(page: Page, email: string, name: string): Promise<string> {
  await signIn(page, email);
  await page.getByRole('link', { name: 'API keys' }).click();
  await page.getByRole('button', { name: 'New API key' }).click();
  await page.getByLabel('Name').fill(name);
  await page.getByRole('button', { name: 'Create' }).click();
  const key = await page.getByRole('textbox', { name: 'API key' }).inputValue();
  expect(key).toMatch(/^apk_[A-Za-z0-9_-]{43}$/);
  return key;
}

let contosoKey = '';
let northwindKey = '';
let api: APIRequestContext;
let fabrikam = '';
let woodgrove = '';
let document: { components: { schemas: Record<string, unknown> } };
const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });

/** Checks a response against the schema the OpenAPI document gives it. */
async function conforms(response: APIResponse, schema: string) {
  const body = await response.json();
  const validate = ajv.getSchema(`openapi.json#/components/schemas/${schema}`)!;
  expect(validate(body), JSON.stringify(validate.errors)).toBe(true);
  return body;
}

const collection = (schema: string) => ({
  type: 'object',
  required: ['totalCount', 'items'],
  properties: { items: { type: 'array', items: { $ref: `openapi.json#/components/schemas/${schema}` } } },
});

async function conformsToCollection(response: APIResponse, schema: string) {
  const body = await response.json();
  const validate = ajv.compile(collection(schema));
  expect(validate(body), JSON.stringify(validate.errors)).toBe(true);
  return body;
}

function devices(count: number, seed: number) {
  const random = seeded(seed);
  return Array.from({ length: count }, (_, i) => ({ serialNumber: `API${seed}-${i}`, hardwareHash: fakeHash(random) }));
}

test.beforeAll(async ({ browser, playwright, baseURL }) => {
  const page = await browser.newPage();
  contosoKey = await createKey(page, CONTOSO_ADMIN, 'ERP integration');
  await page.getByRole('button', { name: 'Sign out' }).click();
  northwindKey = await createKey(page, NORTHWIND_ADMIN, 'Factory line 3');
  await page.close();
  api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${contosoKey}` } });
  fabrikam = customerId('fabrikam.example');
  woodgrove = customerId('woodgrove.example');
  document = await (await api.get('/api/v1/openapi.json')).json();
  ajv.addSchema(document, 'openapi.json');
});

test('the OpenAPI document describes every endpoint', async () => {
  expect(Object.keys((document as unknown as { paths: object }).paths)).toEqual([
    '/customers',
    '/customers/{customerId}/deviceBatches',
    '/customers/{customerId}/deviceBatches/{batchId}/devices',
    '/customers/{customerId}/deviceBatches/{batchId}/devices/{deviceId}',
    '/customers/{customerId}/batchJobStatus/{trackingId}',
  ]);
});

test('a partner lists the customers it may act for, and no other', async () => {
  const body = await conformsToCollection(await api.get('/api/v1/customers'), 'Customer');
  const names = body.items.map((c: { companyProfile: { companyName: string } }) => c.companyProfile.companyName);
  expect(names).toContain('Fabrikam, Inc.');
  expect(names).not.toContain('Woodgrove Bank');
  expect(names).not.toContain('Tailspin Toys');
});

test('a batch is accepted, processed, polled, listed, extended, and a device deregistered', async ({ page }) => {
  const create = await api.post(`/api/v1/customers/${fabrikam}/deviceBatches`, {
    data: { batchId: 'Berlin office', groupTag: 'Microsoft365Managed_Standard', devices: devices(3, 1) },
  });
  expect(create.status(), await create.text()).toBe(202);
  const accepted = await conforms(create, 'BatchAccepted');
  expect(create.headers()['location']).toBe(`/api/v1/customers/${fabrikam}/batchJobStatus/${accepted.batchTrackingId}`);

  const status = await conforms(await api.get(create.headers()['location']!), 'BatchJobStatus');
  expect(status.status).toBe('finished');
  expect(status.devicesStatus.map((d: { serialNumber: string; status: string }) => [d.serialNumber, d.status])).toEqual([
    ['API1-0', 'registered'],
    ['API1-1', 'registered'],
    ['API1-2', 'registered'],
  ]);

  const batches = await conformsToCollection(await api.get(`/api/v1/customers/${fabrikam}/deviceBatches`), 'DeviceBatch');
  expect(batches.items[0]).toMatchObject({ id: accepted.batchId, name: 'Berlin office', groupTag: 'Microsoft365Managed_Standard', devicesCount: 3, source: 'api' });

  const add = await api.post(`/api/v1/customers/${fabrikam}/deviceBatches/${accepted.batchId}/devices`, { data: { devices: devices(2, 2) } });
  expect(add.status()).toBe(202);
  expect((await (await api.get(add.headers()['location']!)).json()).status).toBe('finished');

  const list = await conformsToCollection(await api.get(`/api/v1/customers/${fabrikam}/deviceBatches/${accepted.batchId}/devices`), 'Device');
  expect(list.totalCount).toBe(5);
  expect(list.items.every((d: { groupTag: string }) => d.groupTag === 'Microsoft365Managed_Standard')).toBe(true);

  const victim = list.items.find((d: { serialNumber: string }) => d.serialNumber === 'API1-0').id;
  const del = await api.delete(`/api/v1/customers/${fabrikam}/deviceBatches/${accepted.batchId}/devices/${victim}`);
  expect(del.status()).toBe(204);
  expect((await api.delete(`/api/v1/customers/${fabrikam}/deviceBatches/${accepted.batchId}/devices/${victim}`)).status()).toBe(404);

  // The portal shows the batch exactly as if uploaded through the page, with the key's name as its source.
  await signIn(page, CONTOSO_ADMIN);
  await openDevices(page, 'Fabrikam, Inc.');
  await expect(page.getByRole('table', { name: 'Device batches' }).getByRole('row', { name: /API: ERP integration/ })).toContainText('5');
  await expect(page.getByRole('table', { name: 'Registered devices' })).toContainText('API2-1');
  await expect(page.getByRole('table', { name: 'Registered devices' })).not.toContainText('API1-0');
});

test('each device gets its own outcome, in request order, with Microsoft’s error names and the validator’s codes', async () => {
  const [good] = devices(1, 3);
  const woodgroveDevice = { serialNumber: 'WG', hardwareHash: fakeHash(seeded(21)) };
  const create = await api.post(`/api/v1/customers/${fabrikam}/deviceBatches`, {
    data: {
      groupTag: 'Microsoft365Managed_Kiosk',
      devices: [
        good,
        { serialNumber: 'BAD', hardwareHash: 'T0Go*notbase64'.padEnd(400, 'A') },
        woodgroveDevice,
        good,
        { serialNumber: '1.23457E+11', hardwareHash: fakeHash(seeded(4)) },
        { productKey: '3301234567890' },
      ],
    },
  });
  expect(create.status()).toBe(202);
  const status = await conforms(await api.get(create.headers()['location']!), 'BatchJobStatus');
  expect(status.status).toBe('finished_with_errors');
  expect(status.devicesStatus.map((d: { status: string; errorCode: number | null; errorName: string | null; code: string | null }) => [d.status, d.errorCode, d.errorName, d.code])).toEqual([
    ['registered', null, null, null],
    ['failed', 802, 'InvalidZtdHardwareHash', 'HASH_NOT_BASE64'],
    ['failed', 808, 'ZtdDeviceAssignedToOtherTenant', null],
    ['failed', null, 'ZtdDeviceDuplicated', 'DUPLICATE_DEVICE'],
    ['failed', null, 'SERIAL_SCIENTIFIC', 'SERIAL_SCIENTIFIC'],
    ['failed', null, 'HASH_REQUIRED', 'HASH_REQUIRED'],
  ]);

  const again = await api.post(`/api/v1/customers/${fabrikam}/deviceBatches`, { data: { groupTag: 'Microsoft365Managed_Kiosk', devices: [good] } });
  const second = await (await api.get(again.headers()['location']!)).json();
  expect(second.devicesStatus[0]).toMatchObject({ status: 'failed', errorCode: 806, errorName: 'ZtdDeviceAlreadyAssigned' });
});

test('a retried create with the same Idempotency-Key registers nothing twice', async () => {
  const body = { batchId: 'Retry batch', groupTag: 'Retry batch', devices: devices(2, 5) };
  const headers = { 'idempotency-key': 'order-4711' };
  const first = await api.post(`/api/v1/customers/${fabrikam}/deviceBatches`, { data: body, headers });
  const batchesBefore = (await (await api.get(`/api/v1/customers/${fabrikam}/deviceBatches`)).json()).totalCount;
  const retry = await api.post(`/api/v1/customers/${fabrikam}/deviceBatches`, { data: body, headers });
  expect(retry.status()).toBe(202);
  expect(retry.headers()['idempotent-replayed']).toBe('true');
  expect(await retry.json()).toEqual(await first.json());
  expect(retry.headers()['location']).toBe(first.headers()['location']);
  expect((await (await api.get(`/api/v1/customers/${fabrikam}/deviceBatches`)).json()).totalCount).toBe(batchesBefore);
  const other = await api.post(`/api/v1/customers/${fabrikam}/deviceBatches`, { data: { ...body, devices: devices(1, 6) }, headers });
  expect(other.status()).toBe(422);
  expect((await conforms(other, 'Problem')).code).toBe('IdempotencyKeyReused');
});

test('a batch of 250 devices comes back in pages of 100 with a continuation token', async () => {
  const create = await api.post(`/api/v1/customers/${fabrikam}/deviceBatches`, {
    data: { batchId: 'Big order', devices: Array.from({ length: 250 }, (_, i) => ({ productKey: String(3_400_000_000_000 + i) })) },
  });
  const { batchId } = await create.json();
  const seen = new Set<string>();
  let token: string | null = null;
  const sizes: number[] = [];
  do {
    const response: APIResponse = await api.get(`/api/v1/customers/${fabrikam}/deviceBatches/${batchId}/devices`, {
      headers: token ? { 'ms-continuationtoken': token } : {},
    });
    const page = await conformsToCollection(response, 'Device');
    expect(page.totalCount).toBe(250);
    sizes.push(page.items.length);
    for (const d of page.items) seen.add(d.id);
    token = page.continuationToken;
    expect(response.headers()['ms-continuationtoken'] ?? null).toBe(token);
  } while (token);
  expect(sizes).toEqual([100, 100, 50]);
  expect(seen.size).toBe(250);
  const bad = await api.get(`/api/v1/customers/${fabrikam}/deviceBatches/${batchId}/devices`, { headers: { 'ms-continuationtoken': '%%%' } });
  expect(bad.status()).toBe(400);
});

test('bad requests get a clear 4xx problem, never a 500', async () => {
  const url = `/api/v1/customers/${fabrikam}/deviceBatches`;
  const cases: Array<[APIResponse, number, string]> = [
    [await api.post(url, { data: Buffer.from('{"devices": ['), headers: { 'content-type': 'application/json' } }), 400, 'MalformedJson'],
    [await api.post(url, { data: { devices: 'none' } }), 400, 'InvalidRequest'],
    [await api.post(url, { data: { groupTag: 'x', devices: [{ serialNumber: 42 }] } }), 400, 'InvalidRequest'],
    [await api.post(url, { data: Buffer.from('devices=1'), headers: { 'content-type': 'text/plain' } }), 415, 'UnsupportedMediaType'],
    [await api.post(url, { data: { groupTag: 'x', devices: [] } }), 400, 'UPLOAD_EMPTY'],
    [await api.post(url, { data: { devices: [{ productKey: '3301234567890' }] } }), 400, 'GROUP_TAG_EMPTY'],
    [await api.post(url, { data: { groupTag: 'microsoft365managed_kiosk', devices: devices(1, 7) } }), 400, 'GROUP_TAG_NOT_EXACT'],
    [
      await api.post(url, { data: { groupTag: 'x', devices: Array.from({ length: 10_001 }, (_, i) => ({ productKey: String(3_500_000_000_000 + i) })) } }),
      400,
      'TOO_MANY_DEVICES',
    ],
    [await api.post(url, { data: { groupTag: 'x', devices: devices(800, 8) } }), 413, 'PayloadTooLarge'],
    [await api.post(url, { data: { groupTag: 'x', devices: [] }, headers: { 'idempotency-key': 'bad key with spaces' } }), 400, 'InvalidIdempotencyKey'],
    [await api.get(`${url}/no-such-batch/devices`), 404, 'NotFound'],
  ];
  for (const [response, status, code] of cases) {
    expect(response.status(), code).toBe(status);
    expect(response.headers()['content-type']).toContain('application/problem+json');
    expect((await conforms(response, 'Problem')).code).toBe(code);
  }
});

test('keys: none, unknown or revoked answers 401; another tenant or no relationship answers alike', async ({ playwright, baseURL, page }) => {
  expect((await (await playwright.request.newContext({ baseURL })).get('/api/v1/customers')).status()).toBe(401);
  const stranger = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer apk_${'x'.repeat(43)}` } });
  expect((await stranger.get('/api/v1/customers')).status()).toBe(401);

  const unrelated = await api.get(`/api/v1/customers/${woodgrove}/deviceBatches`);
  const missing = await api.get('/api/v1/customers/no-such-customer/deviceBatches');
  expect(unrelated.status()).toBe(403);
  expect(await unrelated.json()).toEqual(await missing.json());
  expect((await conforms(unrelated, 'Problem')).code).toBe('NoRelationship');
  expect((await api.post(`/api/v1/customers/${woodgrove}/deviceBatches`, { data: { groupTag: 'x', devices: devices(1, 9) } })).status()).toBe(403);

  // The OEM acts for the customer that accepted its OEM link, and only that one.
  const oem = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${northwindKey}` } });
  const oemBatch = await oem.post(`/api/v1/customers/${woodgrove}/deviceBatches`, { data: { groupTag: 'Microsoft365Managed_SensitiveData', devices: devices(1, 10) } });
  expect(oemBatch.status()).toBe(202);
  expect((await oem.get(`/api/v1/customers/${fabrikam}/deviceBatches`)).status()).toBe(403);
  const oemCustomers = await (await oem.get('/api/v1/customers')).json();
  expect(oemCustomers.items.map((c: { companyProfile: { companyName: string } }) => c.companyProfile.companyName)).toEqual(['Woodgrove Bank']);

  // Revoked on the portal: refused at once.
  await signIn(page, NORTHWIND_ADMIN);
  await page.getByRole('link', { name: 'API keys' }).click();
  await expect(page.getByRole('table', { name: 'API keys' }).getByRole('row', { name: /Factory line 3/ })).not.toContainText('Never');
  page.once('dialog', (dialog) => dialog.accept());
  await page.getByRole('button', { name: 'Revoke Factory line 3' }).click();
  await expect(page.getByRole('table', { name: 'API keys' }).getByRole('row', { name: /Factory line 3/ })).toContainText('Revoked');
  expect((await oem.get('/api/v1/customers')).status()).toBe(401);
});

test('too many requests for one key answer 429 with Retry-After', async ({ page, playwright, baseURL }) => {
  const key = await createKey(page, CONTOSO_ADMIN, 'Burst');
  const burst = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${key}` } });
  let limited: APIResponse | null = null;
  for (let i = 0; i < 200 && !limited; i++) {
    const response = await burst.get('/api/v1/customers');
    if (response.status() === 429) limited = response;
  }
  expect(limited).not.toBeNull();
  expect(Number(limited!.headers()['retry-after'])).toBeGreaterThanOrEqual(1);
  expect((await conforms(limited!, 'Problem')).code).toBe('RateLimited');
});

test('a key narrowed to Read on the API keys page reads, and is refused to write or delete', async ({ page, playwright, baseURL }) => {
  await signIn(page, CONTOSO_ADMIN);
  await page.getByRole('link', { name: 'API keys' }).click();
  await page.getByRole('button', { name: 'New API key' }).click();
  const scopes = page.getByRole('group', { name: 'Scopes' });
  for (const scope of ['Read', 'Write', 'Delete']) await expect(scopes.getByRole('checkbox', { name: scope })).toBeChecked();
  await page.getByLabel('Name').fill('Reporting');
  await scopes.getByRole('checkbox', { name: 'Write' }).uncheck();
  await scopes.getByRole('checkbox', { name: 'Delete' }).uncheck();
  await page.getByRole('button', { name: 'Create' }).click();
  const key = await page.getByRole('textbox', { name: 'API key' }).inputValue();
  await expect(page.getByRole('table', { name: 'API keys' }).getByRole('row', { name: /Reporting/ })).toContainText('Read');
  await expect(page.getByRole('table', { name: 'API keys' }).getByRole('row', { name: /Reporting/ })).not.toContainText('Write');

  const reader = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${key}` } });
  expect((await reader.get(`/api/v1/customers/${fabrikam}/deviceBatches`)).status()).toBe(200);
  const refused = await reader.post(`/api/v1/customers/${fabrikam}/deviceBatches`, { data: { groupTag: 'x', devices: devices(1, 11) } });
  expect(refused.status()).toBe(403);
  expect((await conforms(refused, 'Problem')).code).toBe('InsufficientScope');
  const none = await reader.delete(`/api/v1/customers/${fabrikam}/deviceBatches/any/devices/any`);
  expect((await conforms(none, 'Problem')).code).toBe('InsufficientScope');
});

test('a key with no scope is not made: the form says to choose one', async ({ page }) => {
  await signIn(page, CONTOSO_ADMIN);
  await page.getByRole('link', { name: 'API keys' }).click();
  await page.getByRole('button', { name: 'New API key' }).click();
  await page.getByLabel('Name').fill('Nothing');
  const scopes = page.getByRole('group', { name: 'Scopes' });
  for (const scope of ['Read', 'Write', 'Delete']) await scopes.getByRole('checkbox', { name: scope }).uncheck();
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Choose at least one scope.' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'API key' })).toHaveCount(0);
  await expect(page.getByRole('table', { name: 'API keys' }).getByRole('row', { name: /Nothing/ })).toHaveCount(0);
});
