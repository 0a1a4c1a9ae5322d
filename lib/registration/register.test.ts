import { describe, expect, it } from 'vitest';
import { fakeHash, seeded } from '@/test-data/generate';
import { freshDatabase } from '@/test-support/database';

freshDatabase();
const { prisma } = await import('@/lib/db/client');
const { registerDevices, NoActiveRelationshipError, hashDigest } = await import('./register');
const { isUniqueViolation } = await import('@/lib/db/errors');

async function ids() {
  const contoso = await prisma.partner.findFirstOrThrow({ where: { name: 'Contoso Partner' } });
  const fabrikam = await prisma.customer.findUniqueOrThrow({ where: { domain: 'fabrikam.example' } });
  const tailspin = await prisma.customer.findUniqueOrThrow({ where: { domain: 'tailspin.example' } });
  return { contoso: contoso.id, fabrikam: fabrikam.id, tailspin: tailspin.id };
}

const request = (partnerId: string, customerId: string, hashes: string[]) => ({
  partnerId,
  customerId,
  uploadedById: null,
  actorEmail: null,
  groupTag: 'Microsoft365Managed_Standard',
  profile: 'standard',
  mode: 'standard',
  source: 'FILES' as const,
  sourceDetail: 'test.csv',
  devices: hashes.map((h, i) => ({ serialNumber: `S${i}`, productKey: null, hardwareHash: h, manufacturer: null, model: null })),
});

describe('registering devices', () => {
  it('stores the batch, its devices with their digests, and an audit event, at once', async () => {
    const { contoso, fabrikam } = await ids();
    const hashes = [fakeHash(seeded(8001)), fakeHash(seeded(8002))];
    const result = await registerDevices(prisma, request(contoso, fabrikam, hashes));
    expect(result.registered).toBe(2);
    const stored = await prisma.device.findMany({ where: { batchId: result.batchId! }, orderBy: { serialNumber: 'asc' } });
    expect(stored.map((d) => [d.serialNumber, d.hardwareHash, d.hashDigest, d.groupTag])).toEqual([
      ['S0', hashes[0], hashDigest(hashes[0]!), 'Microsoft365Managed_Standard'],
      ['S1', hashes[1], hashDigest(hashes[1]!), 'Microsoft365Managed_Standard'],
    ]);
    expect(stored[0]!.createdAt).toBeInstanceOf(Date);
    expect(await prisma.auditEvent.count({ where: { targetId: result.batchId!, action: 'devices.registered' } })).toBe(1);
  });

  it('stores nothing, not even a batch, when no device can be registered', async () => {
    const { contoso, fabrikam } = await ids();
    const hash = fakeHash(seeded(8003));
    await registerDevices(prisma, request(contoso, fabrikam, [hash]));
    const batches = await prisma.deviceBatch.count();
    const result = await registerDevices(prisma, request(contoso, fabrikam, [hash]));
    expect(result).toMatchObject({ batchId: null, registered: 0, outcomes: [{ status: 'rejected', error: { name: 'ZtdDeviceAlreadyAssigned', code: 806 } }] });
    expect(await prisma.deviceBatch.count()).toBe(batches);
  });

  it('refuses to store for a customer without an active relationship', async () => {
    const { contoso, tailspin } = await ids();
    await expect(registerDevices(prisma, request(contoso, tailspin, [fakeHash(seeded(8004))]))).rejects.toBeInstanceOf(NoActiveRelationshipError);
  });

  it('recognises a unique key’s refusal from any query', async () => {
    const existing = await prisma.device.findFirstOrThrow({ select: { id: true } });
    const error = await prisma.$executeRaw`UPDATE "Device" SET "id" = ${existing.id} WHERE "id" <> ${existing.id}`.catch((e: unknown) => e);
    expect(isUniqueViolation(error)).toBe(true);
    expect(isUniqueViolation(new Error('something else'))).toBe(false);
  });
});
