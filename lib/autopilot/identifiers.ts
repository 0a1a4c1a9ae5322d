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

/**
 * Characters that have no place in an identifier, a group tag or a batch
 * name: they are invisible, or change how the text around them is shown,
 * so two values that look alike differ, or a value shows as something else
 * ("SN-9\u202Egpj.exe" displays as "SN-9exe.jpg"):
 * - C0 and C1 controls, DEL;
 * - format characters: soft hyphen, Arabic letter mark, Mongolian vowel
 *   separator, zero-width space, joiners and marks (U+200B–U+200F), word
 *   joiner and invisible operators (U+2060–U+2064), the byte order mark
 *   (U+FEFF) anywhere inside a value;
 * - line and paragraph separators (U+2028, U+2029);
 * - bidirectional embeddings, overrides and isolates (U+202A–U+202E,
 *   U+2066–U+2069);
 * - lone surrogates (half of a character, from a broken encoding).
 */
const FORBIDDEN = /[\x00-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The value with every forbidden character written as its code point (⟨U+202E⟩), so that showing it shows what it holds. */
export function showInvisible(value: string): string {
  return value.replace(new RegExp(FORBIDDEN.source, 'g'), (c) => `⟨U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}⟩`);
}

/** The value without its forbidden characters (see FORBIDDEN). */
export function withoutForbidden(value: string): string {
  return FORBIDDEN.test(value) ? value.replace(new RegExp(FORBIDDEN.source, 'g'), '') : value;
}

/** The first character that has no place in an identifier (see FORBIDDEN): its index and code point, or `null`. */
export function firstForbiddenCharacter(value: string): { index: number; codePoint: number } | null {
  const match = FORBIDDEN.exec(value);
  return match ? { index: match.index, codePoint: value.charCodeAt(match.index) } : null;
}

export function hasOuterSpaces(value: string): boolean {
  return value.length > 0 && (isSpace(value.charCodeAt(0)) || isSpace(value.charCodeAt(value.length - 1)));
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0xa0;
}
