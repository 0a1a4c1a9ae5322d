/**
 * A device's identity, whatever the spelling. Partners write the same device
 * in many ways: the serial number in lower case, the manufacturer in capitals,
 * two spaces in the model, a look-alike hyphen, a zero-width space, a hash
 * with or without its zero padding. Identity is decided on normalised values;
 * what is stored and shown stays as the partner wrote it.
 *
 * - Text (serial number, product key, manufacturer, model): the characters
 *   that have no place in an identifier dropped, Unicode NFKC, case folded,
 *   hyphen look-alikes (U+2010–U+2015, U+2212) made `-`, surrounding spaces
 *   trimmed and inner runs collapsed to one space.
 * - Hardware hash: its bytes without the trailing zeros that pad it to 3,000
 *   bytes (Get-WindowsAutoPilotInfo writes 4,000 characters; Microsoft's own
 *   samples carry the data alone). Base64 is case-sensitive: never folded.
 */
import type { DeviceIdentifiers } from './identifiers';
import { withoutForbidden } from './identifiers';

const HYPHENS = /[\u2010-\u2015\u2212]/g;
const SPACES = /\s+/g;

/** A text identifier's normalised form: equal for every spelling of the same value. */
export function identityText(value: string): string {
  return withoutForbidden(value)
    .normalize('NFKC')
    .toUpperCase()
    .toLowerCase()
    .replace(HYPHENS, '-')
    .replace(SPACES, ' ')
    .trim();
}

/**
 * A hardware hash's identity: its decoded bytes (as a binary string) with the
 * zero padding removed. Text that is not base64 (refused by the validator
 * before anything is stored) is its own identity, spaces aside.
 */
export function hashIdentity(hash: string): string {
  const text = withoutForbidden(hash).replace(SPACES, '');
  let bytes: string;
  try {
    bytes = atob(text);
  } catch {
    return text;
  }
  let end = bytes.length;
  while (end > 0 && bytes.charCodeAt(end - 1) === 0) end--;
  return end === bytes.length ? bytes : bytes.slice(0, end);
}

/** The three identities a device can have; two devices sharing any one are the same device. */
export interface DeviceIdentity {
  hash: string | null;
  productKey: string | null;
  /** Serial number, manufacturer and model, when all three are given. */
  tuple: string | null;
}

export function deviceIdentity(d: DeviceIdentifiers): DeviceIdentity {
  return {
    hash: d.hardwareHash === null ? null : hashIdentity(d.hardwareHash),
    productKey: d.productKey === null ? null : identityText(d.productKey),
    tuple:
      d.serialNumber !== null && d.manufacturer !== null && d.model !== null
        ? `${identityText(d.serialNumber)}\u0000${identityText(d.manufacturer)}\u0000${identityText(d.model)}`
        : null,
  };
}
