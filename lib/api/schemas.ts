/**
 * The API's request bodies and headers: one zod schema each, which both
 * validates the requests and (lib/api/openapi.ts) describes them in the
 * OpenAPI document, limits included. The responses' are in
 * lib/api/response-schemas.ts.
 */
import { z } from 'zod';
import { API_MAX_DEVICES, firstForbiddenCharacter, type DeviceIdentifiers } from '@/lib/autopilot';
import { env } from '@/lib/env';

const text = (max: number) => z.string().max(max).nullish();

export const deviceInput = z
  .object({
    serialNumber: text(512),
    productKey: text(64).describe('The product key ID (PKID).'),
    hardwareHash: text(16_384).describe('The 4K hardware hash, base64, as Get-WindowsAutoPilotInfo reports it.'),
    oemManufacturerName: text(256),
    modelName: text(256),
  })
  .meta({
    id: 'DeviceInput',
    description:
      'One device, by one of the combinations Microsoft accepts: hardware hash (with product key, serial number or both, or alone), product key alone, or serial number + manufacturer + model. A device that breaks a rule fails alone; the others are registered.',
  });

const devices = z
  .array(deviceInput)
  .max(API_MAX_DEVICES)
  .describe(`The devices, at most ${API_MAX_DEVICES.toLocaleString('en')} a request.`);

/** A name that is not blank: trimmed, then 1 to 128 characters (the pattern tells JSON Schema, which cannot trim, that blank is refused). */
const batchName = z
  .string()
  .trim()
  .min(1)
  .max(128)
  .regex(/\S/)
  .refine((name) => firstForbiddenCharacter(name) === null, { error: 'must not hold invisible, control or direction-changing characters' });

export const deviceBatchCreationRequest = z
  .object({
    batchId: batchName.optional().describe('Partner Center’s batch name; the group tag when groupTag is absent.'),
    name: batchName.optional(),
    groupTag: z
      .string()
      .max(256)
      .optional()
      .describe('The devices’ group tag. A Microsoft Managed Desktop tag must be exact, and then every device needs a hardware hash.'),
    devices,
  })
  .meta({ id: 'DeviceBatchCreationRequest' });

export const addDevicesRequest = z.object({ devices }).meta({ id: 'AddDevicesRequest', description: 'Devices to add to a batch, under the batch’s group tag.' });

/** Every request body schema, as the OpenAPI document lists them. */
export const REQUEST_SCHEMAS = [deviceInput, deviceBatchCreationRequest, addDevicesRequest] as const;

export type DeviceInput = z.infer<typeof deviceInput>;

export function toIdentifiers(d: DeviceInput): DeviceIdentifiers {
  const v = (s: string | null | undefined) => (s === undefined || s === null || s === '' ? null : s);
  return { serialNumber: v(d.serialNumber), productKey: v(d.productKey), hardwareHash: v(d.hardwareHash), manufacturer: v(d.oemManufacturerName), model: v(d.modelName) };
}

/** The Idempotency-Key header: 1 to 255 visible ASCII characters. */
export const idempotencyKey = z.string().regex(/^[\x21-\x7e]{1,255}$/);

/** Bytes per request body (API_MAX_BODY_BYTES to change it): 10,000 devices with 4,000-character hashes fit. */
export function maxBodyBytes(): number {
  return env().API_MAX_BODY_BYTES;
}
