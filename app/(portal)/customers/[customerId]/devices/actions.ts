'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import {
  DEVICE_MODES,
  DEVICE_PROFILES,
  groupTagFor,
  validateUpload,
  type DeviceIdentifiers,
  type Problem,
} from '@/lib/autopilot';
import { getActor, isPartnerActor } from '@/lib/auth/actor';
import { canAddDevices } from '@/lib/auth/permissions';
import { prisma } from '@/lib/db/client';
import { findCustomer } from '@/lib/data/customers';
import { deleteDevice } from '@/lib/data/devices';
import { NoActiveRelationshipError, registerDevices, type RegistrationError } from '@/lib/registration/register';

/** A device of the upload and what became of it (its hash stays on the server: the browser has it). */
export interface UploadedDevice extends Omit<DeviceIdentifiers, 'hardwareHash'> {
  file: string;
  line: number;
  status: 'registered' | 'refused';
  error: RegistrationError | null;
}

export type AddDevicesResult =
  | { status: 'refused'; reason: 'not-signed-in' | 'forbidden' | 'not-found' | 'bad-request' | 'not-supported' }
  | { status: 'invalid'; problems: Problem[] }
  | { status: 'done'; registered: number; devices: UploadedDevice[] };

const addDevicesInput = z.object({
  customerId: z.string().min(1).max(64),
  profile: z.enum(DEVICE_PROFILES),
  mode: z.enum(DEVICE_MODES),
  files: z.array(z.instanceof(File)).min(1).max(1000),
});

/**
 * Adds devices to a customer from one or more device lists. The server is
 * the only judge: the files are validated again here, whatever the browser
 * said, and the devices are stored all at once or not at all.
 */
export async function addDevicesAction(form: FormData): Promise<AddDevicesResult> {
  const actor = await getActor();
  if (!actor) return { status: 'refused', reason: 'not-signed-in' };
  const input = addDevicesInput.safeParse({
    customerId: form.get('customerId'),
    profile: form.get('profile'),
    mode: form.get('mode'),
    files: form.getAll('files'),
  });
  if (!input.success) return { status: 'refused', reason: 'bad-request' };
  if (!isPartnerActor(actor) || !canAddDevices(actor.role)) return { status: 'refused', reason: 'forbidden' };
  const { customerId, profile, mode, files } = input.data;
  const customer = await findCustomer(actor, customerId);
  if (!customer) return { status: 'refused', reason: 'not-found' };
  const groupTag = groupTagFor(profile, mode);
  if (groupTag === null) return { status: 'refused', reason: 'not-supported' };

  const uploads = await Promise.all(files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
  const verdict = validateUpload(uploads, { groupTag });
  if (!verdict.accepted) return { status: 'invalid', problems: verdict.problems };

  try {
    const result = await registerDevices(prisma, {
      partnerId: actor.partnerId,
      customerId,
      uploadedById: actor.userId,
      actorEmail: actor.email,
      groupTag,
      profile,
      mode,
      source: 'FILES',
      sourceDetail: verdict.files.map((f) => f.name).join(', '),
      devices: verdict.devices,
    });
    revalidatePath(`/customers/${customerId}/devices`);
    return {
      status: 'done',
      registered: result.registered,
      devices: verdict.devices.map((d, i) => {
        const outcome = result.outcomes[i]!;
        return {
          file: d.file,
          line: d.line,
          serialNumber: d.serialNumber,
          productKey: d.productKey,
          manufacturer: d.manufacturer,
          model: d.model,
          status: outcome.status === 'registered' ? 'registered' : 'refused',
          error: outcome.status === 'rejected' ? outcome.error : null,
        };
      }),
    };
  } catch (error) {
    if (error instanceof NoActiveRelationshipError) return { status: 'refused', reason: 'not-found' };
    throw error;
  }
}

export type DeleteDeviceResult = { status: 'deleted' } | { status: 'refused'; reason: 'not-signed-in' | 'forbidden' | 'not-found' };

const deleteInput = z.object({ customerId: z.string().min(1).max(64), deviceId: z.string().min(1).max(64) });

/** Deletes (deregisters) one device: admin agents only. */
export async function deleteDeviceAction(customerId: string, deviceId: string): Promise<DeleteDeviceResult> {
  const actor = await getActor();
  if (!actor) return { status: 'refused', reason: 'not-signed-in' };
  const input = deleteInput.safeParse({ customerId, deviceId });
  if (!input.success) return { status: 'refused', reason: 'not-found' };
  if (!isPartnerActor(actor)) return { status: 'refused', reason: 'forbidden' };
  const outcome = await deleteDevice(actor, input.data.customerId, input.data.deviceId);
  if (outcome !== 'deleted') return { status: 'refused', reason: outcome };
  revalidatePath(`/customers/${input.data.customerId}/devices`);
  return { status: 'deleted' };
}
