/**
 * Deregistering a device: the one path for the portal's Delete and the API's
 * DELETE. The row stays, for the record, but gives up its unique keys, so
 * that the device can be registered again.
 */
import type { PrismaClient } from '@/lib/generated/prisma/client';

export interface DeregistrationRequest {
  partnerId: string;
  customerId: string;
  deviceId: string;
  /** Only a device of this batch (the API names the batch in its path). */
  batchId?: string;
  actorId: string | null;
  actorEmail: string;
  via: 'portal' | 'api';
}

/** False when there is no such registered device of this partner for this customer. */
export async function deregisterDevice(db: PrismaClient, request: DeregistrationRequest): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const device = await tx.device.findFirst({
      where: {
        id: request.deviceId,
        customerId: request.customerId,
        partnerId: request.partnerId,
        status: 'REGISTERED',
        ...(request.batchId && { batchId: request.batchId }),
        // The partner must still be allowed to act for the customer.
        customer: { relationships: { some: { partnerId: request.partnerId, status: 'ACTIVE' } } },
      },
      select: { id: true, serialNumber: true, productKey: true, groupTag: true },
    });
    if (!device) return false;
    const { count } = await tx.device.updateMany({
      where: { id: device.id, status: 'REGISTERED' },
      data: { status: 'DEREGISTERED', deregisteredAt: new Date(), hashDigest: null, tupleDigest: null, activeProductKey: null },
    });
    if (count === 0) return false;
    await tx.auditEvent.create({
      data: {
        actorId: request.actorId,
        actorEmail: request.actorEmail,
        partnerId: request.partnerId,
        customerId: request.customerId,
        action: 'device.deleted',
        targetType: 'Device',
        targetId: device.id,
        details: JSON.stringify({ serialNumber: device.serialNumber, productKey: device.productKey, groupTag: device.groupTag, via: request.via }),
      },
    });
    return true;
  });
}
