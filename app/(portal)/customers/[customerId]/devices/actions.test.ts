/**
 * The device actions called directly, as an attacker would call them: each
 * checks who is asking and what they may do against the database, whatever
 * the page showed. Every test makes its own partners, customers and people.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeHash, seeded } from '@/test-data/generate';
import { freshDatabase, refuseWrites } from '@/test-support/database';
import {
  agent,
  customer,
  customerAdmin,
  deviceFile,
  deviceList,
  partner,
  relationship,
  type TestCustomer,
  type TestPartner,
} from '@/test-support/factories';

const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock('@/lib/auth/session', () => ({ currentSession: async () => (session.userId ? { userId: session.userId, sessionVersion: 0 } : null) }));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));
vi.mock('next/navigation', () => ({
  redirect: (url: string) => {
    throw Object.assign(new Error('NEXT_REDIRECT'), { url });
  },
  notFound: () => {
    throw new Error('NEXT_NOT_FOUND');
  },
}));

freshDatabase();
const { prisma } = await import('@/lib/db/client');
const { addDevicesAction, deleteDeviceAction } = await import('./actions');

beforeEach(() => {
  session.userId = null;
});

const signIn = (who: { userId: string } | null) => (session.userId = who?.userId ?? null);
const HEADER = 'Device Serial Number,Windows Product ID,Hardware Hash';

function upload(customerId: string, text: string, profile = 'standard', mode = 'standard') {
  const form = new FormData();
  form.set('customerId', customerId);
  form.set('profile', profile);
  form.set('mode', mode);
  form.append('files', deviceFile(text, 'devices.csv'));
  return addDevicesAction(form);
}

const registered = (c: TestCustomer) => prisma.device.count({ where: { customerId: c.id, status: 'REGISTERED' } });

/** A partner (CSP unless told) with an active relationship with a new customer, and its admin agent. */
async function tenant(kind: 'CSP' | 'OEM' = 'CSP', of?: TestPartner) {
  const p = of ?? (await partner({ kind }));
  const c = await customer();
  await relationship(p, c);
  return { partner: p, customer: c, admin: await agent(p) };
}

/** A device registered for the tenant's customer through the action, and its id. */
async function registeredDevice(t: Awaited<ReturnType<typeof tenant>>) {
  signIn(t.admin);
  const result = await upload(t.customer.id, deviceList(1).text);
  if (!result.ok) throw new Error(`could not register: ${result.error.code}`);
  const device = await prisma.device.findFirstOrThrow({ where: { customerId: t.customer.id, status: 'REGISTERED' }, orderBy: { createdAt: 'desc' } });
  session.userId = null;
  return device;
}

describe('adding devices, called directly', () => {
  it('registers the devices for a customer with an active relationship', async () => {
    const t = await tenant();
    signIn(t.admin);
    const result = await upload(t.customer.id, deviceList(2).text);
    expect(result).toMatchObject({ ok: true, data: { registered: 2 } });
    const batch = await prisma.deviceBatch.findFirstOrThrow({ where: { customerId: t.customer.id }, select: { groupTag: true, source: true, sourceDetail: true, deviceCount: true, partnerId: true } });
    expect(batch).toEqual({ groupTag: 'Microsoft365Managed_Standard', source: 'FILES', sourceDetail: 'devices.csv', deviceCount: 2, partnerId: t.partner.id });
  });

  it('says the portal cannot store now, rather than failing, when the database refuses writes; nothing is stored', async () => {
    const t = await tenant();
    signIn(t.admin);
    const allowWrites = await refuseWrites(prisma);
    try {
      expect(await upload(t.customer.id, deviceList(1).text)).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    } finally {
      await allowWrites();
    }
    expect(await registered(t.customer)).toBe(0);
  });

  it('refuses another partner’s customer, a customer that gave no consent or took it back, and no customer, all alike', async () => {
    const mine = await tenant();
    const theirs = await tenant();
    const never = await customer();
    const former = await customer();
    await relationship(mine.partner, former, { status: 'REMOVED' });
    signIn(mine.admin);
    for (const c of [theirs.customer, never, former]) {
      expect(await upload(c.id, deviceList(1).text)).toEqual({ ok: false, error: { code: 'NO_RELATIONSHIP' } });
      expect(await registered(c)).toBe(0);
    }
    expect(await upload('no-such-customer', deviceList(1).text)).toEqual({ ok: false, error: { code: 'NO_RELATIONSHIP' } });
    expect(await prisma.device.count({ where: { partnerId: mine.partner.id } })).toBe(0);
  });

  it('lets an OEM act for the customer that accepted its OEM link, and not for a customer it resells to', async () => {
    const oem = await tenant('OEM');
    const resold = await customer();
    await relationship(oem.partner, resold, { kind: 'RESELLER' });
    signIn(oem.admin);
    expect(await upload(oem.customer.id, deviceList(1).text)).toMatchObject({ ok: true, data: { registered: 1 } });
    expect(await upload(resold.id, deviceList(1).text)).toEqual({ ok: false, error: { code: 'NO_RELATIONSHIP' } });
  });

  it('refuses a customer administrator, even their own organisation’s, and anyone not signed in', async () => {
    const t = await tenant();
    signIn(await customerAdmin(t.customer));
    expect(await upload(t.customer.id, deviceList(1).text)).toEqual({ ok: false, error: { code: 'FORBIDDEN' } });
    signIn(null);
    expect(await upload(t.customer.id, deviceList(1).text)).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await registered(t.customer)).toBe(0);
  });

  it('judges the files again, whatever the browser said, and stores nothing when they are wrong', async () => {
    const t = await tenant();
    signIn(await agent(t.partner, { role: 'PARTNER_SALES' }));
    const bad = `${HEADER}\r\n5CG1,,${fakeHash(seeded(7009))}\r\n1.23457E+11,,${fakeHash(seeded(7010))}\r\n`;
    const result = await upload(t.customer.id, bad);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('INVALID_DEVICES');
    expect(result.error.problems?.map((p) => [p.code, p.line])).toEqual([['SERIAL_SCIENTIFIC', 3]]);
    expect(await registered(t.customer)).toBe(0);
  });

  it('refuses Power user in shared mode, and a profile it does not know', async () => {
    const t = await tenant();
    signIn(t.admin);
    expect(await upload(t.customer.id, deviceList(1).text, 'power-user', 'shared')).toEqual({ ok: false, error: { code: 'NOT_SUPPORTED', reason: 'profile-mode' } });
    expect(await upload(t.customer.id, deviceList(1).text, 'superuser')).toEqual({ ok: false, error: { code: 'INVALID_INPUT', fields: ['profile'] } });
    expect(await registered(t.customer)).toBe(0);
  });

  it('refuses, per device, what is already registered to this customer or to another', async () => {
    const mine = await tenant();
    const theirs = await tenant();
    const [a, b, c] = deviceList(3).devices.map((d) => d.hardwareHash!) as [string, string, string];
    signIn(theirs.admin);
    expect(await upload(theirs.customer.id, `${HEADER}\r\nB,,${b}\r\n`)).toMatchObject({ ok: true, data: { registered: 1 } });
    signIn(mine.admin);
    expect(await upload(mine.customer.id, `${HEADER}\r\nA,,${a}\r\n`)).toMatchObject({ ok: true, data: { registered: 1 } });
    const result = await upload(mine.customer.id, `${HEADER}\r\nA,,${a}\r\nB,,${b}\r\nC,,${c}\r\n`);
    if (!result.ok) throw new Error(result.error.code);
    expect(result.data.registered).toBe(1);
    expect(result.data.devices.map((d) => [d.serialNumber, d.status, d.error?.name ?? null, d.error?.code ?? null])).toEqual([
      ['A', 'refused', 'ZtdDeviceAlreadyAssigned', 806],
      ['B', 'refused', 'ZtdDeviceAssignedToOtherTenant', 808],
      ['C', 'registered', null, null],
    ]);
    // What goes back to the browser never carries the hashes: it has them.
    expect(JSON.stringify(result)).not.toContain(c);
  });
});

describe('deleting a device, called directly', () => {
  it('is refused to a sales agent', async () => {
    const t = await tenant();
    const device = await registeredDevice(t);
    signIn(await agent(t.partner, { role: 'PARTNER_SALES' }));
    expect(await deleteDeviceAction({ customerId: t.customer.id, deviceId: device.id })).toEqual({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await prisma.device.count({ where: { id: device.id, status: 'REGISTERED' } })).toBe(1);
  });

  it('is refused for another partner’s device, even naming a customer of both', async () => {
    const theirs = await tenant();
    const device = await registeredDevice(theirs);
    const mine = await tenant();
    signIn(mine.admin);
    expect(await deleteDeviceAction({ customerId: theirs.customer.id, deviceId: device.id })).toEqual({ ok: false, error: { code: 'NO_RELATIONSHIP' } });
    expect(await deleteDeviceAction({ customerId: mine.customer.id, deviceId: device.id })).toEqual({ ok: false, error: { code: 'NOT_FOUND', reason: 'device' } });
    // Even when both partners act for the customer, each deletes only its own devices.
    await relationship(mine.partner, theirs.customer);
    expect(await deleteDeviceAction({ customerId: theirs.customer.id, deviceId: device.id })).toEqual({ ok: false, error: { code: 'NOT_FOUND', reason: 'device' } });
    expect(await prisma.device.count({ where: { id: device.id, status: 'REGISTERED' } })).toBe(1);
  });

  it('deregisters for an admin agent, keeps the record, and the device can be registered again', async () => {
    const t = await tenant();
    const before = await registeredDevice(t);
    signIn(t.admin);
    expect(await deleteDeviceAction({ customerId: t.customer.id, deviceId: before.id })).toEqual({ ok: true, data: null });
    expect(await deleteDeviceAction({ customerId: t.customer.id, deviceId: before.id })).toEqual({ ok: false, error: { code: 'NOT_FOUND', reason: 'device' } });
    const after = await prisma.device.findUniqueOrThrow({ where: { id: before.id } });
    expect(after).toMatchObject({ status: 'DEREGISTERED', hashDigest: null, hardwareHash: before.hardwareHash, serialNumber: before.serialNumber });
    expect(after.deregisteredAt).toBeInstanceOf(Date);
    expect(await prisma.auditEvent.findMany({ where: { action: 'device.deleted', targetId: before.id }, select: { actorEmail: true } })).toEqual([{ actorEmail: t.admin.email }]);
    const again = await upload(t.customer.id, `${HEADER}\r\n${before.serialNumber},,${before.hardwareHash}\r\n`);
    expect(again).toMatchObject({ ok: true, data: { registered: 1 } });
  });

  it('is refused once the relationship was removed', async () => {
    const t = await tenant();
    const device = await registeredDevice(t);
    await prisma.relationship.updateMany({ where: { partnerId: t.partner.id, customerId: t.customer.id }, data: { status: 'REMOVED' } });
    signIn(t.admin);
    expect(await deleteDeviceAction({ customerId: t.customer.id, deviceId: device.id })).toEqual({ ok: false, error: { code: 'NO_RELATIONSHIP' } });
    expect(await prisma.device.count({ where: { id: device.id, status: 'REGISTERED' } })).toBe(1);
  });
});

describe('the database itself', () => {
  it('registers a device at most once across every tenant', async () => {
    const mine = await tenant();
    const theirs = await tenant();
    const existing = await registeredDevice(mine);
    const other = await registeredDevice(theirs);
    await expect(
      prisma.device.create({
        data: { customerId: theirs.customer.id, partnerId: theirs.partner.id, batchId: other.batchId, hashDigest: existing.hashDigest, groupTag: 'x' },
      }),
    ).rejects.toMatchObject({ code: 'P2002' });
  });
});
