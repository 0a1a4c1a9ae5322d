/**
 * Deregistering a device: the one path for the portal's Delete and the API's
 * DELETE. The row stays, for the record, but gives up its unique keys, so
 * that the device can be registered again.
 */
import { auditActor, can } from '@/lib/auth/principal';
import { prisma } from '@/lib/db/client';
import { lockCustomerScope, ownedBy, type CustomerScope } from '@/lib/data/scope';
import { AppError } from '@/lib/errors';

/** AppError('NOT_FOUND') when there is no such registered device of this partner for this customer (in the batch named). */
export async function deregisterDevice(scope: CustomerScope, target: { deviceId: string; batchId?: string }): Promise<void> {
  if (!can(scope.principal, 'devices:delete')) throw new AppError('FORBIDDEN');
  await prisma.$transaction(async (tx) => {
    await lockCustomerScope(tx, scope);
    const device = await tx.device.findFirst({
      where: { id: target.deviceId, ...ownedBy(scope), status: 'REGISTERED', ...(target.batchId && { batchId: target.batchId }) },
      select: { id: true, serialNumber: true, productKey: true, groupTag: true },
    });
    if (!device) throw new AppError('NOT_FOUND', 'No such device.', { reason: 'device' });
    const { count } = await tx.device.updateMany({
      where: { id: device.id, status: 'REGISTERED' },
      data: { status: 'DEREGISTERED', deregisteredAt: new Date(), hashDigest: null, tupleDigest: null, activeProductKey: null },
    });
    if (count === 0) throw new AppError('NOT_FOUND', 'No such device.', { reason: 'device' });
    await tx.auditEvent.create({
      data: {
        ...auditActor(scope.principal),
        ...ownedBy(scope),
        action: 'device.deleted',
        targetType: 'Device',
        targetId: device.id,
        details: JSON.stringify({ serialNumber: device.serialNumber, productKey: device.productKey, groupTag: device.groupTag, via: scope.principal.type === 'agent' ? 'portal' : 'api' }),
      },
    });
  });
}
