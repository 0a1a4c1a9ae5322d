/**
 * The one registration path behind every door: under a customer scope, all
 * of a request's devices and their batch are stored or none, and a device
 * already registered is refused with Microsoft's error (806 to this
 * customer, 808 to another).
 */
import { describe, expect, it } from 'vitest';
import type { DeviceIdentifiers } from '@/lib/autopilot';
import { freshDatabase, refuseDevice } from '@/test-support/database';
import { withoutPadding } from '@/test-data/generate';
import { agent, apiKey, customer, customerScope, deviceList, partner, relationship, type TestCustomer, type TestPartner } from '@/test-support/factories';

freshDatabase();
const { prisma } = await import('@/lib/db/client');
const { registerDevices } = await import('./registration');
const { hashDigest } = await import('./device-keys');
const { isUniqueViolation } = await import('@/lib/db/errors');

const GROUP_TAG = 'Microsoft365Managed_Standard';

const request = (devices: DeviceIdentifiers[], more: { existingBatchId?: string } = {}) => ({
  groupTag: GROUP_TAG,
  profile: 'standard',
  mode: 'standard',
  source: 'FILES' as const,
  sourceDetail: 'test.csv',
  devices,
  ...more,
});

/** A CSP with an active relationship with a new customer, and its admin's scope there. */
async function tenant(of?: TestPartner) {
  const p = of ?? (await partner());
  const ana = await agent(p);
  const c = await customer();
  const link = await relationship(p, c);
  return { partner: p, agent: ana, customer: c, link, scope: await customerScope(ana, c) };
}

const storedFor = (c: TestCustomer) => Promise.all([prisma.device.count({ where: { customerId: c.id } }), prisma.deviceBatch.count({ where: { customerId: c.id } })]);

describe('registering devices', () => {
  it('stores the batch, its devices with their digests, and an audit event, at once', async () => {
    const { partner: p, agent: ana, customer: c, scope } = await tenant();
    const { devices } = deviceList(2);
    const result = await registerDevices(scope, request(devices));
    expect(result).toMatchObject({ registered: 2, outcomes: [{ status: 'registered' }, { status: 'registered' }] });
    const batch = await prisma.deviceBatch.findUniqueOrThrow({ where: { id: result.batchId! } });
    expect(batch).toMatchObject({ partnerId: p.id, customerId: c.id, uploadedById: ana.userId, groupTag: GROUP_TAG, source: 'FILES', sourceDetail: 'test.csv', deviceCount: 2 });
    const stored = await prisma.device.findMany({ where: { batchId: batch.id } });
    expect(stored.map((d) => [d.id, d.serialNumber, d.hardwareHash, d.hashDigest, d.groupTag, d.status, d.partnerId, d.customerId]).sort()).toEqual(
      devices
        .map((d, i) => {
          const outcome = result.outcomes[i]!;
          return [outcome.status === 'registered' ? outcome.deviceId : null, d.serialNumber, d.hardwareHash, hashDigest(d.hardwareHash!), GROUP_TAG, 'REGISTERED', p.id, c.id];
        })
        .sort(),
    );
    expect(stored[0]!.createdAt).toBeInstanceOf(Date);
    expect(await prisma.auditEvent.findMany({ where: { targetId: batch.id }, select: { action: true, actorEmail: true, customerId: true } })).toEqual([
      { action: 'devices.registered', actorEmail: ana.email, customerId: c.id },
    ]);
  });

  it('refuses a device already registered to this customer (806) or to another (808), and registers the rest', async () => {
    const mine = await tenant();
    const theirs = await tenant();
    const [a, b, fresh] = deviceList(3).devices as [DeviceIdentifiers, DeviceIdentifiers, DeviceIdentifiers];
    await registerDevices(mine.scope, request([a]));
    await registerDevices(theirs.scope, request([b]));

    const result = await registerDevices(mine.scope, request([a, b, fresh]));
    expect(result.registered).toBe(1);
    expect(result.outcomes.map((o) => (o.status === 'rejected' ? o.error : o.status))).toEqual([
      { name: 'ZtdDeviceAlreadyAssigned', code: 806 },
      { name: 'ZtdDeviceAssignedToOtherTenant', code: 808 },
      'registered',
    ]);
    // The device of the other customer stays theirs.
    expect(await prisma.device.count({ where: { hashDigest: hashDigest(b.hardwareHash!), customerId: theirs.customer.id } })).toBe(1);
  });

  it('stores nothing, not even a batch, when no device can be registered', async () => {
    const { customer: c, scope } = await tenant();
    const { devices } = deviceList(1);
    await registerDevices(scope, request(devices));
    const before = await storedFor(c);
    const result = await registerDevices(scope, request(devices));
    expect(result).toEqual({ batchId: null, registered: 0, outcomes: [{ status: 'rejected', error: { name: 'ZtdDeviceAlreadyAssigned', code: 806 } }] });
    expect(await storedFor(c)).toEqual(before);
  });

  it('stores nothing at all when one device cannot be stored', async () => {
    // Should the database refuse one row (here a trigger stands for a full
    // disk or a constraint), the batch, the other devices and the audit
    // event go with it.
    const { customer: c, scope } = await tenant();
    const [first, second] = deviceList(2).devices as [DeviceIdentifiers, DeviceIdentifiers];
    const allow = await refuseDevice(prisma, 'REFUSED');
    try {
      const error = await registerDevices(scope, request([first, second, { ...deviceList(1).devices[0]!, serialNumber: 'REFUSED' }])).catch((e: unknown) => e);
      expect(String(error)).toMatch(/refused by the test/);
    } finally {
      await allow();
    }
    expect(await storedFor(c)).toEqual([0, 0]);
    expect(await prisma.auditEvent.count({ where: { customerId: c.id } })).toBe(0);
  });

  it('adds to one of the partner’s batches for the customer, and to no one else’s', async () => {
    const mine = await tenant();
    const [one, two, three] = deviceList(3).devices as [DeviceIdentifiers, DeviceIdentifiers, DeviceIdentifiers];
    const first = await registerDevices(mine.scope, request([one]));
    const added = await registerDevices(mine.scope, request([two], { existingBatchId: first.batchId! }));
    expect(added).toMatchObject({ batchId: first.batchId, registered: 1 });
    expect(await prisma.deviceBatch.findUniqueOrThrow({ where: { id: first.batchId! } })).toMatchObject({ deviceCount: 2 });
    expect(await prisma.auditEvent.count({ where: { targetId: first.batchId!, action: 'devices.added' } })).toBe(1);

    // Another partner acting for the same customer cannot name this batch.
    const other = await partner();
    await relationship(other, mine.customer);
    const otherScope = await customerScope(await agent(other), mine.customer);
    await expect(registerDevices(otherScope, request([three], { existingBatchId: first.batchId! }))).rejects.toMatchObject({ code: 'NOT_FOUND', details: { reason: 'batch' } });
    expect(await prisma.device.count({ where: { hashDigest: hashDigest(three.hardwareHash!) } })).toBe(0);
  });
});

describe('one device, one tenant, whatever the spelling', () => {
  const tuple = (serialNumber: string, manufacturer: string, model: string): DeviceIdentifiers => ({ serialNumber, productKey: null, hardwareHash: null, manufacturer, model });
  const outcomeOf = (r: Awaited<ReturnType<typeof registerDevices>>) => r.outcomes.map((o) => (o.status === 'rejected' ? o.error.code : o.status));

  it('refuses to another customer every spelling of a device Woodgrove holds (the attack replayed)', async () => {
    const woodgrove = await tenant();
    const tailspin = await tenant();
    const serial = `NW-${crypto.randomUUID().slice(0, 8).toUpperCase()}`;
    expect(outcomeOf(await registerDevices(woodgrove.scope, request([tuple(serial, 'Northwind', 'NW 14')])))).toEqual(['registered']);

    for (const spelling of [
      tuple(serial.toLowerCase(), 'Northwind', 'NW 14'),
      tuple(serial, 'NORTHWIND', 'NW 14'),
      tuple(serial, 'Northwind', 'NW  14'),
      tuple(`${serial} `, 'Northwind', 'NW 14'),
      tuple(`${serial.slice(0, 3)}\u200b${serial.slice(3)}`, 'Northwind', 'NW 14'),
      tuple(`\ufeff${serial}`, 'Northwind', 'NW 14'),
      tuple(serial.replace('-', '\u2010'), 'Northwind', 'NW 14'),
    ]) {
      expect(outcomeOf(await registerDevices(tailspin.scope, request([spelling]))), JSON.stringify(spelling)).toEqual([808]);
      expect(outcomeOf(await registerDevices(woodgrove.scope, request([spelling]))), JSON.stringify(spelling)).toEqual([806]);
    }
    expect(await prisma.device.count({ where: { customerId: tailspin.customer.id } })).toBe(0);
    // What was stored is what was written.
    expect(await prisma.device.findFirst({ where: { customerId: woodgrove.customer.id }, select: { serialNumber: true, model: true } })).toEqual({ serialNumber: serial, model: 'NW 14' });
  });

  it('refuses the same hash without its zero padding, and keeps the hash as it was written', async () => {
    const woodgrove = await tenant();
    const tailspin = await tenant();
    const [device] = deviceList(1).devices as [DeviceIdentifiers];
    await registerDevices(woodgrove.scope, request([{ ...device, hardwareHash: withoutPadding(device.hardwareHash!) }]));
    expect(outcomeOf(await registerDevices(tailspin.scope, request([device])))).toEqual([808]);
    const stored = await prisma.device.findFirstOrThrow({ where: { customerId: woodgrove.customer.id }, select: { hardwareHash: true } });
    expect(stored.hardwareHash).toBe(withoutPadding(device.hardwareHash!));
  });

  it('refuses a product key written in another case', async () => {
    const woodgrove = await tenant();
    const tailspin = await tenant();
    const key = `${crypto.randomUUID().replace(/-/g, '').slice(0, 5)}-ABCDE`;
    const pk = (productKey: string): DeviceIdentifiers => ({ serialNumber: null, productKey, hardwareHash: null, manufacturer: null, model: null });
    await registerDevices(woodgrove.scope, request([pk(key.toLowerCase())]));
    expect(outcomeOf(await registerDevices(tailspin.scope, request([pk(key.toUpperCase())])))).toEqual([808]);
  });

  it('registers one device once when a caller sends it twice under two spellings', async () => {
    const { customer: c, scope } = await tenant();
    const result = await registerDevices(scope, request([tuple('SN-TWICE-1', 'Northwind', 'NW 14'), tuple('sn-twice-1', 'northwind', 'nw 14')]));
    expect(outcomeOf(result)).toEqual(['registered', 806]);
    expect(await prisma.device.count({ where: { customerId: c.id } })).toBe(1);
  });
});

describe('who may register', () => {
  it('a customer without an active relationship has no scope to register under', async () => {
    const p = await partner();
    const ana = await agent(p);
    const c = await customer();
    await expect(customerScope(ana, c)).rejects.toMatchObject({ code: 'NO_RELATIONSHIP' });
    await relationship(p, c, { status: 'REMOVED' });
    await expect(customerScope(ana, c)).rejects.toMatchObject({ code: 'NO_RELATIONSHIP' });
  });

  it('a relationship removed after the scope was resolved refuses the write, and nothing is stored', async () => {
    const { customer: c, link, scope } = await tenant();
    await prisma.relationship.update({ where: { id: link.id }, data: { status: 'REMOVED' } });
    await expect(registerDevices(scope, request(deviceList(1).devices))).rejects.toMatchObject({ code: 'NO_RELATIONSHIP' });
    expect(await storedFor(c)).toEqual([0, 0]);
  });

  it('a sales agent may; an API key needs the write scope, and its name is recorded', async () => {
    const { partner: p, customer: c } = await tenant();
    const sales = await agent(p, { role: 'PARTNER_SALES' });
    expect(await registerDevices(await customerScope(sales, c), request(deviceList(1).devices))).toMatchObject({ registered: 1 });

    const readOnly = await apiKey(p, { scopes: ['read'] });
    await expect(registerDevices(await customerScope(readOnly.principal, c), request(deviceList(1).devices))).rejects.toMatchObject({ code: 'FORBIDDEN' });

    const writer = await apiKey(p, { scopes: ['write'], name: 'build server' });
    const result = await registerDevices(await customerScope(writer.principal, c), { ...request(deviceList(1).devices), source: 'API', sourceDetail: 'build server' });
    expect(await prisma.deviceBatch.findUniqueOrThrow({ where: { id: result.batchId! } })).toMatchObject({ uploadedById: null, source: 'API' });
    expect(await prisma.auditEvent.findFirstOrThrow({ where: { targetId: result.batchId! } })).toMatchObject({ actorId: null, actorEmail: 'API: build server' });
  });
});

describe('the database', () => {
  it('recognises a unique key’s refusal from a Prisma query and from a raw one, and nothing else', async () => {
    const { scope } = await tenant();
    const { batchId, outcomes } = await registerDevices(scope, request(deviceList(2).devices));
    const [a, b] = outcomes.map((o) => (o.status === 'registered' ? o.deviceId : '')) as [string, string];
    const existing = await prisma.device.findUniqueOrThrow({ where: { id: a }, select: { hashDigest: true, customerId: true, partnerId: true } });

    const fromPrisma = await prisma.device.create({ data: { ...existing, batchId: batchId!, groupTag: 'x' } }).catch((e: unknown) => e);
    expect(fromPrisma).toMatchObject({ code: 'P2002' });
    expect(isUniqueViolation(fromPrisma)).toBe(true);
    const fromRaw = await prisma.$executeRaw`UPDATE "Device" SET "id" = ${a} WHERE "id" = ${b}`.catch((e: unknown) => e);
    expect(isUniqueViolation(fromRaw)).toBe(true);

    expect(isUniqueViolation(new Error('something else'))).toBe(false);
    const notUnique = await prisma.$executeRaw`UPDATE "NoSuchTable" SET "id" = 1`.catch((e: unknown) => e);
    expect(notUnique).toBeInstanceOf(Error);
    expect(isUniqueViolation(notUnique)).toBe(false);
  });

  it('keeps the audit log append-only', async () => {
    const { scope } = await tenant();
    const { batchId } = await registerDevices(scope, request(deviceList(1).devices));
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { targetId: batchId! } });
    // The trigger's refusal reaches Prisma as a constraint violation; its own words are kept in the cause.
    const refusal = (e: unknown) => String((e as { meta?: { driverAdapterError?: { cause?: { originalMessage?: unknown } } } }).meta?.driverAdapterError?.cause?.originalMessage);
    const update = await prisma.auditEvent.update({ where: { id: event.id }, data: { action: 'tampered' } }).catch((e: unknown) => e);
    expect(refusal(update)).toMatch(/append-only/);
    const remove = await prisma.auditEvent.delete({ where: { id: event.id } }).catch((e: unknown) => e);
    expect(refusal(remove)).toMatch(/append-only/);
    expect(await prisma.auditEvent.findUniqueOrThrow({ where: { id: event.id } })).toEqual(event);
  });
});
