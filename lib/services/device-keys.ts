/**
 * A device's identity keys: what the database's unique indexes hold so that
 * one device is registered once across every tenant.
 */
import { createHash } from 'node:crypto';
import type { DeviceIdentifiers } from '@/lib/autopilot';

export interface DeviceKeys {
  hashDigest: string | null;
  productKey: string | null;
  tupleDigest: string | null;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** SHA-256 of the hardware hash: 4,000 characters are too long for a unique index everywhere. */
export function hashDigest(hardwareHash: string): string {
  return sha256(hardwareHash);
}

/** SHA-256 of serial number, manufacturer and model, when all three are given. */
export function tupleDigest(d: Pick<DeviceIdentifiers, 'serialNumber' | 'manufacturer' | 'model'>): string | null {
  return d.serialNumber !== null && d.manufacturer !== null && d.model !== null ? sha256(`${d.serialNumber}\u0000${d.manufacturer}\u0000${d.model}`) : null;
}

export function deviceKeys(d: DeviceIdentifiers): DeviceKeys {
  return { hashDigest: d.hardwareHash === null ? null : hashDigest(d.hardwareHash), productKey: d.productKey, tupleDigest: tupleDigest(d) };
}
