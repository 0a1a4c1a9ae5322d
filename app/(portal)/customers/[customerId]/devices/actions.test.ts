/**
 * The server actions called directly, as an attacker would call them: each
 * checks who is asking and what they may do against the database, whatever
 * the page showed.
 */
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeDeviceList, fakeHash, seeded } from '@/test-data/generate';
import { freshDatabase } from '@/test-support/database';

const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock('@/auth', () => ({
  auth: async () => (session.userId ? { user: { id: session.userId } } : null),
  signIn: vi.fn(),
  signOut: vi.fn(),
}));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

freshDatabase();
const { prisma } = await import('@/lib/db/client');
const { addDevicesAction, deleteDeviceAction } = await import('./actions');

const ids: Record<string, string> = {};
beforeAll(async () => {
  for (const u of await prisma.user.findMany({ select: { id: true, email: true } })) ids[u.email] = u.id;
  for (const c of await prisma.customer.findMany({ select: { id: true, domain: true } })) ids[c.domain] = c.id;
});
beforeEach(() => {
  session.userId = null;
});

const as = (email: string) => (session.userId = ids[email]!);

function upload(customerId: string, text: string, profile = 'standard', mode = 'standard') {
  const form = new FormData();
  form.set('customerId', customerId);
  form.set('profile', profile);
  form.set('mode', mode);
  form.append('files', new File([Buffer.from(text, 'latin1')], 'devices.csv'));
  return addDevicesAction(form);
}

const deviceCount = () => prisma.device.count({ where: { status: 'REGISTERED' } });

describe('adding devices, called directly', () => {
  it('registers the devices for a customer with an active relationship', async () => {
    as('admin@contoso-partner.example');
    const result = await upload(ids['fabrikam.example']!, fakeDeviceList({ devices: 2, seed: 7001 }));
    expect(result).toMatchObject({ status: 'done', registered: 2 });
    const batch = await prisma.deviceBatch.findFirst({ orderBy: { createdAt: 'desc' }, select: { groupTag: true, source: true, sourceDetail: true, deviceCount: true } });
    expect(batch).toEqual({ groupTag: 'Microsoft365Managed_Standard', source: 'FILES', sourceDetail: 'devices.csv', deviceCount: 2 });
  });

  it('refuses another partner’s customer, and a customer that gave no consent, as if they did not exist', async () => {
    as('admin@contoso-partner.example');
    const before = await deviceCount();
    expect(await upload(ids['woodgrove.example']!, fakeDeviceList({ devices: 1, seed: 7002 }))).toEqual({ status: 'refused', reason: 'not-found' });
    expect(await upload(ids['tailspin.example']!, fakeDeviceList({ devices: 1, seed: 7003 }))).toEqual({ status: 'refused', reason: 'not-found' });
    expect(await upload('no-such-customer', fakeDeviceList({ devices: 1, seed: 7004 }))).toEqual({ status: 'refused', reason: 'not-found' });
    expect(await deviceCount()).toBe(before);
  });

  it('lets an OEM act for the customer that accepted its OEM link, and only that one', async () => {
    as('admin@northwind.example');
    expect(await upload(ids['woodgrove.example']!, fakeDeviceList({ devices: 1, seed: 7005 }))).toMatchObject({ status: 'done', registered: 1 });
    expect(await upload(ids['fabrikam.example']!, fakeDeviceList({ devices: 1, seed: 7006 }))).toEqual({ status: 'refused', reason: 'not-found' });
  });

  it('refuses a customer administrator and anyone not signed in', async () => {
    as('admin@fabrikam.example');
    expect(await upload(ids['fabrikam.example']!, fakeDeviceList({ devices: 1, seed: 7007 }))).toEqual({ status: 'refused', reason: 'forbidden' });
    session.userId = null;
    expect(await upload(ids['fabrikam.example']!, fakeDeviceList({ devices: 1, seed: 7008 }))).toEqual({ status: 'refused', reason: 'not-signed-in' });
  });

  it('judges the files again, whatever the browser said, and stores nothing when they are wrong', async () => {
    as('sales@contoso-partner.example');
    const before = await deviceCount();
    const bad = `Device Serial Number,Windows Product ID,Hardware Hash\r\n5CG1,,${fakeHash(seeded(7009))}\r\n1.23457E+11,,${fakeHash(seeded(7010))}\r\n`;
    const result = await upload(ids['fabrikam.example']!, bad);
    expect(result.status).toBe('invalid');
    if (result.status === 'invalid') expect(result.problems.map((p) => [p.code, p.line])).toEqual([['SERIAL_SCIENTIFIC', 3]]);
    expect(await deviceCount()).toBe(before);
  });

  it('refuses Power user in shared mode, and a profile it does not know', async () => {
    as('admin@contoso-partner.example');
    expect(await upload(ids['fabrikam.example']!, fakeDeviceList({ devices: 1, seed: 7011 }), 'power-user', 'shared')).toEqual({
      status: 'refused',
      reason: 'not-supported',
    });
    expect(await upload(ids['fabrikam.example']!, fakeDeviceList({ devices: 1, seed: 7012 }), 'superuser')).toEqual({
      status: 'refused',
      reason: 'bad-request',
    });
  });

  it('refuses, per device, what is already registered to this customer or to another', async () => {
    as('admin@contoso-partner.example');
    const mine = fakeHash(seeded(7013));
    const header = 'Device Serial Number,Windows Product ID,Hardware Hash';
    expect(await upload(ids['fabrikam.example']!, `${header}\r\nA,,${mine}\r\n`)).toMatchObject({ registered: 1 });
    const result = await upload(ids['fabrikam.example']!, `${header}\r\nA,,${mine}\r\nB,,${fakeHash(seeded(21))}\r\nC,,${fakeHash(seeded(7014))}\r\n`);
    expect(result.status).toBe('done');
    if (result.status !== 'done') return;
    expect(result.registered).toBe(1);
    expect(result.devices.map((d) => [d.serialNumber, d.status, d.error?.name ?? null])).toEqual([
      ['A', 'refused', 'ZtdDeviceAlreadyAssigned'],
      ['B', 'refused', 'ZtdDeviceAssignedToOtherTenant'],
      ['C', 'registered', null],
    ]);
  });
});

describe('deleting a device, called directly', () => {
  const fabrikamDevice = () =>
    prisma.device.findFirstOrThrow({ where: { customerId: ids['fabrikam.example']!, status: 'REGISTERED' }, select: { id: true } });

  it('is refused to a sales agent', async () => {
    as('sales@contoso-partner.example');
    const { id } = await fabrikamDevice();
    expect(await deleteDeviceAction(ids['fabrikam.example']!, id)).toEqual({ status: 'refused', reason: 'forbidden' });
    expect(await prisma.device.count({ where: { id, status: 'REGISTERED' } })).toBe(1);
  });

  it('is refused for another partner’s device, even naming the right customer', async () => {
    as('admin@contoso-partner.example');
    const woodgrove = await prisma.device.findFirstOrThrow({ where: { customerId: ids['woodgrove.example']!, status: 'REGISTERED' }, select: { id: true } });
    expect(await deleteDeviceAction(ids['woodgrove.example']!, woodgrove.id)).toEqual({ status: 'refused', reason: 'not-found' });
    expect(await deleteDeviceAction(ids['fabrikam.example']!, woodgrove.id)).toEqual({ status: 'refused', reason: 'not-found' });
    expect(await prisma.device.count({ where: { id: woodgrove.id, status: 'REGISTERED' } })).toBe(1);
  });

  it('deregisters for an admin agent, keeps the record, and the device can be registered again', async () => {
    as('admin@contoso-partner.example');
    const { id } = await fabrikamDevice();
    const before = await prisma.device.findUniqueOrThrow({ where: { id } });
    expect(await deleteDeviceAction(ids['fabrikam.example']!, id)).toEqual({ status: 'deleted' });
    expect(await deleteDeviceAction(ids['fabrikam.example']!, id)).toEqual({ status: 'refused', reason: 'not-found' });
    expect(await prisma.device.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: 'DEREGISTERED',
      hashDigest: null,
      hardwareHash: before.hardwareHash,
      serialNumber: before.serialNumber,
    });
    expect(await prisma.auditEvent.count({ where: { action: 'device.deleted', targetId: id } })).toBe(1);
    const again = await upload(ids['fabrikam.example']!, `Device Serial Number,Windows Product ID,Hardware Hash\r\n${before.serialNumber},,${before.hardwareHash}\r\n`);
    expect(again).toMatchObject({ status: 'done', registered: 1 });
  });
});

describe('the database itself', () => {
  it('registers a device at most once across every tenant', async () => {
    const existing = await prisma.device.findFirstOrThrow({ select: { hashDigest: true, batchId: true } });
    const woodgrove = await prisma.device.findFirstOrThrow({ where: { customerId: ids['woodgrove.example']! }, select: { batchId: true, partnerId: true } });
    await expect(
      prisma.device.create({
        data: {
          customerId: ids['woodgrove.example']!,
          partnerId: woodgrove.partnerId,
          batchId: woodgrove.batchId,
          hashDigest: existing.hashDigest,
          groupTag: 'x',
        },
      }),
    ).rejects.toMatchObject({ code: 'P2002' });
  });

  it('keeps the audit log append-only', async () => {
    const event = await prisma.auditEvent.findFirstOrThrow({ select: { id: true } });
    await expect(prisma.auditEvent.update({ where: { id: event.id }, data: { action: 'tampered' } })).rejects.toThrow(/append-only/);
    await expect(prisma.auditEvent.delete({ where: { id: event.id } })).rejects.toThrow(/append-only/);
  });
});
