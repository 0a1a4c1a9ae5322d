/**
 * The identifiers of a device and which combinations Partner Center accepts
 * (DeviceBatchCreationRequest).
 */
import type { DeviceField } from './problems';

export interface DeviceIdentifiers {
  serialNumber: string | null;
  productKey: string | null;
  hardwareHash: string | null;
  manufacturer: string | null;
  model: string | null;
}

/** The six combinations, as sets of the fields a row holds. */
export const ALLOWED_COMBINATIONS: readonly (readonly DeviceField[])[] = [
  ['hardwareHash', 'productKey'],
  ['hardwareHash', 'serialNumber'],
  ['hardwareHash', 'productKey', 'serialNumber'],
  ['hardwareHash'],
  ['productKey'],
  ['serialNumber', 'manufacturer', 'model'],
];

export type CombinationVerdict =
  | { ok: true; combination: number }
  | { ok: false; fault: 'none' }
  | { ok: false; fault: 'hash-and-tuple'; fields: DeviceField[] }
  | { ok: false; fault: 'incomplete-tuple'; missing: DeviceField[] }
  | { ok: false; fault: 'other'; present: DeviceField[] };

const FIELD_ORDER: readonly DeviceField[] = ['serialNumber', 'productKey', 'hardwareHash', 'manufacturer', 'model'];

export function presentFields(ids: DeviceIdentifiers): DeviceField[] {
  return FIELD_ORDER.filter((field) => ids[field] !== null);
}

/** Whether the fields a row holds are one of the six allowed combinations, and if not, why. */
export function checkCombination(ids: DeviceIdentifiers): CombinationVerdict {
  const present = presentFields(ids);
  if (present.length === 0) return { ok: false, fault: 'none' };
  const index = ALLOWED_COMBINATIONS.findIndex(
    (combination) => combination.length === present.length && combination.every((f) => present.includes(f)),
  );
  if (index !== -1) return { ok: true, combination: index + 1 };

  const tupleParts = (['manufacturer', 'model'] as const).filter((f) => ids[f] !== null);
  if (ids.hardwareHash !== null && tupleParts.length > 0) {
    return { ok: false, fault: 'hash-and-tuple', fields: tupleParts };
  }
  if (ids.productKey === null && (tupleParts.length > 0 || ids.serialNumber !== null)) {
    const missing = (['serialNumber', 'manufacturer', 'model'] as const).filter((f) => ids[f] === null);
    return { ok: false, fault: 'incomplete-tuple', missing };
  }
  return { ok: false, fault: 'other', present };
}

/** The Windows Product ID (PKID) is the 13-digit number printed on the box. */
const PRODUCT_ID = /^[0-9]{13}$/;
const PRODUCT_KEY = /^[A-Za-z0-9]{5}(?:-[A-Za-z0-9]{5}){4}$/;
/** A number as Excel shows it once it no longer fits a cell: `1.23457E+11`. */
const SCIENTIFIC = /^[0-9](?:[.,][0-9]+)?E\+?[0-9]+$/i;

export type ProductIdLooksLike = 'product-key' | 'scientific' | 'digits' | 'other';

export function checkProductId(value: string): { ok: true } | { ok: false; looksLike: ProductIdLooksLike } {
  if (PRODUCT_ID.test(value)) return { ok: true };
  if (SCIENTIFIC.test(value)) return { ok: false, looksLike: 'scientific' };
  if (PRODUCT_KEY.test(value)) return { ok: false, looksLike: 'product-key' };
  if (/^[0-9]+$/.test(value)) return { ok: false, looksLike: 'digits' };
  return { ok: false, looksLike: 'other' };
}

/** A serial number that Excel turned into a number in scientific notation. */
export function isScientificNotation(value: string): boolean {
  return SCIENTIFIC.test(value);
}

/** The code point of the first control character in a value, or `null`. */
export function firstControlCharacter(value: string): { index: number; codePoint: number } | null {
  const match = /[\x00-\x1f\x7f]/.exec(value);
  return match ? { index: match.index, codePoint: value.charCodeAt(match.index) } : null;
}

export function hasOuterSpaces(value: string): boolean {
  return value.length > 0 && (isSpace(value.charCodeAt(0)) || isSpace(value.charCodeAt(value.length - 1)));
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0xa0;
}
