/**
 * Adding devices from the portal's Add devices: the server is the only
 * judge. The files are validated again here, whatever the browser said, and
 * the devices are stored all at once or not at all.
 */
import { groupTagFor, validateUpload, type DeviceIdentifiers, type DeviceMode, type DeviceProfile } from '@/lib/autopilot';
import type { CustomerScope } from '@/lib/data/scope';
import { AppError } from '@/lib/errors';
import { registerDevices, type RegistrationError } from './registration';

/** A device of the upload and what became of it (its hash stays on the server: the browser has it). */
export interface UploadedDevice extends Omit<DeviceIdentifiers, 'hardwareHash'> {
  file: string;
  line: number;
  status: 'registered' | 'refused';
  error: RegistrationError | null;
}

export interface UploadOutcome {
  registered: number;
  devices: UploadedDevice[];
}

export async function addDevicesFromFiles(
  scope: CustomerScope,
  input: { profile: DeviceProfile; mode: DeviceMode; files: Array<{ name: string; bytes: Uint8Array }> },
): Promise<UploadOutcome> {
  const groupTag = groupTagFor(input.profile, input.mode);
  if (groupTag === null) throw new AppError('NOT_SUPPORTED', 'This profile and mode have no group tag.', { reason: 'profile-mode' });
  const verdict = validateUpload(input.files, { groupTag });
  if (!verdict.accepted) throw new AppError('INVALID_DEVICES', 'The device lists were refused.', { problems: verdict.problems });
  const result = await registerDevices(scope, {
    groupTag,
    profile: input.profile,
    mode: input.mode,
    source: 'FILES',
    sourceDetail: verdict.files.map((f) => f.name).join(', '),
    devices: verdict.devices,
  });
  return {
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
}
