/**
 * What can be wrong with an upload: every problem has a stable code (the UI,
 * the REST API and the CLI expose it), a severity, and typed parameters from
 * which the messages in `messages/` are written.
 */
import type { EncodingId } from './encoding';

/** The identifying fields of a device, by their role (not their column name). */
export const DEVICE_FIELDS = ['serialNumber', 'productKey', 'hardwareHash', 'manufacturer', 'model'] as const;
export type DeviceField = (typeof DEVICE_FIELDS)[number];

export interface ParamsByCode {
  // The upload as a whole
  UPLOAD_EMPTY: Record<string, never>;
  UPLOAD_TOO_LARGE: { bytes: number; limit: number };
  TOO_MANY_DEVICES: { count: number; limit: number };
  GROUP_TAG_EMPTY: Record<string, never>;
  GROUP_TAG_NOT_EXACT: { found: string; expected: string };
  GROUP_TAG_NOT_SUPPORTED: { found: string };
  GROUP_TAG_INVALID: { found: string; character: string };
  DUPLICATE_DEVICE: {
    key: 'hardwareHash' | 'productKey' | 'tuple';
    otherFile: string;
    otherLine: number;
    identical: boolean;
    /** How each line writes the key, when they write it differently (text keys). */
    here: string | null;
    there: string | null;
    /** The two hashes' lengths in characters, when the same data is written with and without padding. */
    hashLengths: { here: number; there: number } | null;
  };
  DEVICE_RECAPTURED: { serialNumber: string; otherFile: string; otherLine: number };
  // One file
  FILE_EMPTY: Record<string, never>;
  FILE_NOT_TEXT: { kind: 'xlsx' | 'xls' | 'binary' };
  ENCODING_NOT_ANSI: { encoding: EncodingId; asciiOnly: boolean; character: string | null };
  SEPARATOR_NOT_COMMA: { separator: 'semicolon' | 'tab' };
  HEADER_MISSING: { expected: string };
  HEADER_CASE: { found: string; expected: string };
  HEADER_SPACES: { found: string; expected: string };
  HEADER_COLUMN_NAME: { found: string; expected: string };
  HEADER_ORDER: { found: string; expected: string };
  HEADER_MISSING_COLUMN: { name: string; expected: string };
  HEADER_EXTRA_COLUMN: { name: string; expected: string };
  HEADER_INTUNE_COLUMN: { name: string; expected: string };
  NO_DEVICES: Record<string, never>;
  // One line
  BLANK_LINE: { separatorsOnly: boolean };
  QUOTES: Record<string, never>;
  FIELD_COUNT: { found: number; expected: number };
  TRAILING_EMPTY_COLUMNS: { found: number; expected: number; onHeader: boolean };
  IDENTIFIERS_MISSING: Record<string, never>;
  IDENTIFIERS_HASH_AND_TUPLE: { fields: DeviceField[] };
  IDENTIFIERS_INCOMPLETE_TUPLE: { missing: DeviceField[] };
  IDENTIFIERS_COMBINATION: { present: DeviceField[] };
  HASH_REQUIRED: { groupTag: string };
  HASH_NOT_BASE64: { character: string };
  HASH_BAD_PADDING: { detail: 'missing' | 'misplaced' | 'excess' | 'noncanonical' };
  HASH_TRUNCATED: { characters: number; decodedBytes: number; declaredBytes: number | null };
  HASH_TOO_SHORT: { decodedBytes: number; minimumBytes: number };
  HASH_UNRECOGNISED: Record<string, never>;
  HASH_LENGTH: { characters: number; usual: number };
  PRODUCT_ID_INVALID: { value: string; looksLike: 'product-key' | 'scientific' | 'digits' | 'other' };
  SERIAL_SCIENTIFIC: { value: string };
  VALUE_CONTROL_CHARACTER: { field: DeviceField; codePoint: number };
  VALUE_SPACES: { field: DeviceField; value: string };
}

export type ProblemCode = keyof ParamsByCode;
export type Severity = 'error' | 'warning';

const SEVERITY: Record<ProblemCode, Severity> = {
  UPLOAD_EMPTY: 'error',
  UPLOAD_TOO_LARGE: 'error',
  TOO_MANY_DEVICES: 'error',
  GROUP_TAG_EMPTY: 'error',
  GROUP_TAG_NOT_EXACT: 'error',
  GROUP_TAG_NOT_SUPPORTED: 'error',
  GROUP_TAG_INVALID: 'error',
  DUPLICATE_DEVICE: 'error',
  DEVICE_RECAPTURED: 'warning',
  FILE_EMPTY: 'error',
  FILE_NOT_TEXT: 'error',
  ENCODING_NOT_ANSI: 'error',
  SEPARATOR_NOT_COMMA: 'error',
  HEADER_MISSING: 'error',
  HEADER_CASE: 'error',
  HEADER_SPACES: 'error',
  HEADER_COLUMN_NAME: 'error',
  HEADER_ORDER: 'error',
  HEADER_MISSING_COLUMN: 'error',
  HEADER_EXTRA_COLUMN: 'error',
  HEADER_INTUNE_COLUMN: 'error',
  NO_DEVICES: 'error',
  BLANK_LINE: 'error',
  QUOTES: 'error',
  FIELD_COUNT: 'error',
  TRAILING_EMPTY_COLUMNS: 'error',
  IDENTIFIERS_MISSING: 'error',
  IDENTIFIERS_HASH_AND_TUPLE: 'error',
  IDENTIFIERS_INCOMPLETE_TUPLE: 'error',
  IDENTIFIERS_COMBINATION: 'error',
  HASH_REQUIRED: 'error',
  HASH_NOT_BASE64: 'error',
  HASH_BAD_PADDING: 'error',
  HASH_TRUNCATED: 'error',
  HASH_TOO_SHORT: 'error',
  HASH_UNRECOGNISED: 'error',
  HASH_LENGTH: 'warning',
  PRODUCT_ID_INVALID: 'error',
  SERIAL_SCIENTIFIC: 'error',
  VALUE_CONTROL_CHARACTER: 'error',
  VALUE_SPACES: 'warning',
};

export const PROBLEM_CODES = Object.keys(SEVERITY) as ProblemCode[];

/** Where a problem is: a file, and within it a line and a column (both 1-based). */
export interface Place {
  file?: string;
  line?: number;
  column?: number;
}

export type ProblemOf<C extends ProblemCode> = Place & {
  code: C;
  severity: Severity;
  /** True when `fixUpload` can mend it without losing anything. */
  fixable: boolean;
  params: ParamsByCode[C];
};

export type Problem = { [C in ProblemCode]: ProblemOf<C> }[ProblemCode];

export function severityOf(code: ProblemCode): Severity {
  return SEVERITY[code];
}

export function problem<C extends ProblemCode>(
  code: C,
  params: ParamsByCode[C],
  place: Place = {},
  fixable = false,
): ProblemOf<C> {
  return { code, severity: SEVERITY[code], fixable, ...place, params };
}

export function isError(p: Problem): boolean {
  return p.severity === 'error';
}
