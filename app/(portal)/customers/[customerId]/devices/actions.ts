'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { DEVICE_MODES, DEVICE_PROFILES } from '@/lib/autopilot';
import { customerAction } from '@/lib/actions/action';
import { deregisterDevice } from '@/lib/services/deregistration';
import { addDevicesFromFiles } from '@/lib/services/uploads';

export type { UploadedDevice, UploadOutcome } from '@/lib/services/uploads';

const addDevicesInput = z.object({
  customerId: z.string().min(1).max(64),
  profile: z.enum(DEVICE_PROFILES),
  mode: z.enum(DEVICE_MODES),
  files: z.array(z.instanceof(File)).min(1).max(1000),
});

const add = customerAction({
  input: addDevicesInput,
  permission: 'devices:add',
  run: async ({ profile, mode, files }, scope) => {
    const uploads = await Promise.all(files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
    const outcome = await addDevicesFromFiles(scope, { profile, mode, files: uploads });
    revalidatePath(`/customers/${scope.customerId}/devices`);
    return outcome;
  },
});

/**
 * Adds devices to a customer from one or more device lists. The server is
 * the only judge: the files are validated again, whatever the browser said,
 * and the devices are stored all at once or not at all.
 */
export async function addDevicesAction(form: FormData) {
  return add({ customerId: form.get('customerId'), profile: form.get('profile'), mode: form.get('mode'), files: form.getAll('files') });
}

/** Deletes (deregisters) one device: admin agents only. */
export const deleteDeviceAction = customerAction({
  input: z.object({ customerId: z.string().min(1).max(64), deviceId: z.string().min(1).max(64) }),
  permission: 'devices:delete',
  run: async ({ deviceId }, scope) => {
    await deregisterDevice(scope, { deviceId });
    revalidatePath(`/customers/${scope.customerId}/devices`);
    return null;
  },
});
