import { describe, expect, it } from 'vitest';
import { LANGS } from '../lang';
import { PROBLEM_CODES, problem, type ParamsByCode, type Problem, type ProblemCode } from '../problems';
import { CATALOGUES, describeProblem } from '.';

/** One example of every problem, with parameters that exercise its wording. */
const EXAMPLES: { [C in ProblemCode]: ParamsByCode[C][] } = {
  UPLOAD_EMPTY: [{}],
  UPLOAD_TOO_LARGE: [{ bytes: 9_500_000, limit: 8_388_608 }],
  TOO_MANY_DEVICES: [{ count: 612, limit: 500 }],
  GROUP_TAG_EMPTY: [{}],
  GROUP_TAG_NOT_EXACT: [{ found: 'microsoft365managed_kiosk', expected: 'Microsoft365Managed_Kiosk' }],
  GROUP_TAG_NOT_SUPPORTED: [{ found: 'Microsoft365Managed_PowerUser-Shared' }],
  GROUP_TAG_INVALID: [{ found: 'Sales ', character: ' ' }, { found: 'Sales\t', character: '\t' }],
  DUPLICATE_DEVICE: [
    { key: 'hardwareHash', otherFile: 'a.csv', otherLine: 2, identical: true, here: null, there: null, hashLengths: null },
    { key: 'productKey', otherFile: 'a.csv', otherLine: 3, identical: false, here: null, there: null, hashLengths: null },
    { key: 'tuple', otherFile: 'b.csv', otherLine: 4, identical: false, here: null, there: null, hashLengths: null },
    { key: 'tuple', otherFile: 'b.csv', otherLine: 4, identical: false, here: 'sn-1 / NORTHWIND / NW  14', there: 'SN-1 / Northwind / NW 14', hashLengths: null },
    { key: 'hardwareHash', otherFile: 'b.csv', otherLine: 4, identical: false, here: null, there: null, hashLengths: { here: 1452, there: 4000 } },
  ],
  DEVICE_RECAPTURED: [{ serialNumber: 'SN-1', otherFile: 'a.csv', otherLine: 2 }],
  FILE_EMPTY: [{}],
  FILE_NOT_TEXT: [{ kind: 'xlsx' }, { kind: 'xls' }, { kind: 'binary' }],
  ENCODING_NOT_ANSI: [
    { encoding: 'utf-16le-bom', asciiOnly: true, character: null },
    { encoding: 'utf-8', asciiOnly: false, character: 'é' },
  ],
  SEPARATOR_NOT_COMMA: [{ separator: 'semicolon' }, { separator: 'tab' }],
  HEADER_MISSING: [{ expected: 'Device Serial Number,Windows Product ID,Hardware Hash' }],
  HEADER_CASE: [{ found: 'Device serial number', expected: 'Device Serial Number' }],
  HEADER_SPACES: [{ found: ' Hardware Hash', expected: 'Hardware Hash' }],
  HEADER_COLUMN_NAME: [{ found: 'Serial', expected: 'Device Serial Number' }],
  HEADER_ORDER: [{ found: 'Hardware Hash,Device Serial Number', expected: 'Device Serial Number,Hardware Hash' }],
  HEADER_MISSING_COLUMN: [{ name: 'Windows Product ID', expected: 'x' }],
  HEADER_EXTRA_COLUMN: [{ name: 'Notes', expected: 'x' }],
  HEADER_INTUNE_COLUMN: [{ name: 'Group Tag', expected: 'x' }],
  NO_DEVICES: [{}],
  BLANK_LINE: [{ separatorsOnly: false }, { separatorsOnly: true }],
  QUOTES: [{}],
  FIELD_COUNT: [{ found: 4, expected: 3 }, { found: 1, expected: 3 }],
  TRAILING_EMPTY_COLUMNS: [
    { found: 5, expected: 3, onHeader: false },
    { found: 4, expected: 3, onHeader: true },
  ],
  IDENTIFIERS_MISSING: [{}],
  IDENTIFIERS_HASH_AND_TUPLE: [{ fields: ['manufacturer', 'model'] }],
  IDENTIFIERS_INCOMPLETE_TUPLE: [{ missing: ['model'] }, { missing: ['manufacturer', 'model'] }],
  IDENTIFIERS_COMBINATION: [{ present: ['serialNumber', 'productKey'] }],
  HASH_REQUIRED: [{ groupTag: 'Microsoft365Managed_Standard' }],
  HASH_NOT_BASE64: [{ character: '*' }, { character: ' ' }],
  HASH_BAD_PADDING: [{ detail: 'missing' }, { detail: 'misplaced' }, { detail: 'excess' }, { detail: 'noncanonical' }],
  HASH_TRUNCATED: [
    { characters: 1200, decodedBytes: 900, declaredBytes: 1175 },
    { characters: 3999, decodedBytes: 2997, declaredBytes: null },
  ],
  HASH_TOO_SHORT: [{ decodedBytes: 128, minimumBytes: 256 }],
  HASH_UNRECOGNISED: [{}],
  HASH_LENGTH: [{ characters: 1452, usual: 4000 }, { characters: 4400, usual: 4000 }],
  PRODUCT_ID_INVALID: [
    { value: '3.30123E+12', looksLike: 'scientific' },
    { value: 'VK7JG-NPHTM-C97JM-9MPGT-3V66T', looksLike: 'product-key' },
    { value: '123', looksLike: 'digits' },
  ],
  SERIAL_SCIENTIFIC: [{ value: '1.23457E+11' }],
  VALUE_CONTROL_CHARACTER: [{ field: 'model', codePoint: 7 }],
  VALUE_SPACES: [{ field: 'model', value: 'EliteBook ' }, { field: 'serialNumber', value: ' 5CG1' }],
};

const examples: Problem[] = PROBLEM_CODES.flatMap((code) =>
  (EXAMPLES[code] as ParamsByCode[typeof code][]).map((params) => problem(code, params as never) as Problem),
);

describe('messages', () => {
  it('cover every problem code with at least one example here', () => {
    expect(new Set(examples.map((p) => p.code))).toEqual(new Set(PROBLEM_CODES));
  });

  it.each(LANGS)('say what is wrong and how to fix it, in %s, for every problem', (lang) => {
    for (const p of examples) {
      const { message, hint } = describeProblem(p, lang);
      expect(message.length, p.code).toBeGreaterThan(15);
      expect(hint.length, p.code).toBeGreaterThan(10);
      expect(`${message} ${hint}`, p.code).not.toMatch(/undefined|NaN|\[object|null/);
    }
  });

  it('differ between English and French', () => {
    for (const p of examples) {
      expect(describeProblem(p, 'fr').message, p.code).not.toBe(describeProblem(p, 'en').message);
    }
  });

  it('name the encoding found in plain words', () => {
    const p = problem('ENCODING_NOT_ANSI', { encoding: 'utf-16le-bom', asciiOnly: true, character: null });
    expect(describeProblem(p, 'en').message).toContain('UTF-16 little-endian with BOM, as Windows PowerShell 5.1 writes it');
    expect(describeProblem(p, 'fr').message).toContain('UTF-16 little-endian avec BOM, tel que l’écrit Windows PowerShell 5.1');
  });

  it('list the six accepted combinations when a row holds none of them', () => {
    const p = problem('IDENTIFIERS_COMBINATION', { present: ['serialNumber', 'productKey'] });
    expect(describeProblem(p, 'en').message).toContain(CATALOGUES.en.allowedCombinations);
    expect(CATALOGUES.en.allowedCombinations.split(';')).toHaveLength(6);
    expect(CATALOGUES.fr.allowedCombinations.split(';')).toHaveLength(6);
  });

  it('name Microsoft’s error for a duplicate', () => {
    const p = problem('DUPLICATE_DEVICE', { key: 'hardwareHash', otherFile: 'a.csv', otherLine: 2, identical: false, here: null, there: null, hashLengths: null });
    expect(describeProblem(p, 'en').message).toBe(
      'This device is already listed: same hardware hash as a.csv, line 2 (ZtdDeviceDuplicated).',
    );
    expect(describeProblem(p, 'fr').message).toBe(
      'Cet appareil figure déjà dans la liste : même hachage matériel que a.csv, ligne 2 (ZtdDeviceDuplicated).',
    );
  });

  it('show how each line writes the device when two spellings are one device', () => {
    const p = problem('DUPLICATE_DEVICE', {
      key: 'tuple',
      otherFile: 'request',
      otherLine: 1,
      identical: false,
      here: 'SN-\u200b1 / NORTHWIND / NW  14',
      there: 'SN-1 / Northwind / NW 14',
      hashLengths: null,
    });
    expect(describeProblem(p, 'en').message).toBe(
      'This device is already listed: same serial number, manufacturer and model as request, line 1 (ZtdDeviceDuplicated), written “SN-1 / Northwind / NW 14” there and “SN-⟨U+200B⟩1 / NORTHWIND / NW  14” here.',
    );
    const padding = problem('DUPLICATE_DEVICE', { key: 'hardwareHash', otherFile: 'a.csv', otherLine: 2, identical: false, here: null, there: null, hashLengths: { here: 1452, there: 4000 } });
    expect(describeProblem(padding, 'fr').message).toBe(
      'Cet appareil figure déjà dans la liste : même hachage matériel que a.csv, ligne 2 (ZtdDeviceDuplicated), écrit avec 4\u202f000 caractères là-bas et 1\u202f452 ici\u202f: les mêmes données, avec et sans leur remplissage de zéros.',
    );
  });
});
