/**
 * A device's identity keys: what the database's unique indexes hold so that
 * one device is registered once across every tenant, whatever the spelling
 * (lib/autopilot/identity.ts decides what is the same device).
 */
import { createHash } from 'node:crypto';
import { deviceIdentity, hashIdentity, type DeviceIdentifiers } from '@/lib/autopilot';

export interface DeviceKeys {
  hashDigest: string | null;
  /** The normalised product key, held by `activeProductKey` while the device is registered. */
  productKey: string | null;
  tupleDigest: string | null;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** SHA-256 of a hardware hash's data: 4,000 characters are too long for a unique index everywhere. */
export function hashDigest(hardwareHash: string): string {
  return sha256(hashIdentity(hardwareHash));
}

/** The keys of a device's identities. */
export function deviceKeys(d: DeviceIdentifiers): DeviceKeys {
  const identity = deviceIdentity(d);
  return {
    hashDigest: identity.hash === null ? null : sha256(identity.hash),
    productKey: identity.productKey,
    tupleDigest: identity.tuple === null ? null : sha256(identity.tuple),
  };
}
