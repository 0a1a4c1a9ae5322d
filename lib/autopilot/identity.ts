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
 * - Hardware hash: its data without the trailing zeros that pad it to 3,000
 *   bytes (Get-WindowsAutoPilotInfo writes 4,000 characters; Microsoft's own
 *   samples carry the data alone). Base64 is case-sensitive: never folded;
 *   a hash with anything but base64 in it is refused, never compared.
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
 * A hardware hash's identity: its base64 text without the `=` padding and
 * without the trailing `A`s that encode zero bits. Zero bytes at the end of
 * the data are exactly such `A`s, so this is the data without its zero
 * padding, read without decoding 4,000 characters. The validator refuses
 * anything but canonical base64 before a hash is compared or stored (no
 * spaces, no stray bits in the last character), so each datum has one text.
 */
export function hashIdentity(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 0x3d) end--;
  // About 1,800 zero bytes pad a real hash: compared a block at a time, not a character at a time.
  while (end >= ZEROS.length && text.endsWith(ZEROS, end)) end -= ZEROS.length;
  while (end > 0 && text.charCodeAt(end - 1) === 0x41) end--;
  return end === text.length ? text : text.slice(0, end);
}

const ZEROS = 'A'.repeat(128);

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
