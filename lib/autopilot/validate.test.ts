import { describe, expect, it } from 'vitest';
import { ansi, fakeDeviceList, fakeHash, seeded, utf16leWithBom, withoutPadding } from '@/test-data/generate';
import type { Problem } from './problems';
import { validateDevices, validateUpload, type ValidateOptions } from './validate';

const random = seeded(42);
const H1 = fakeHash(random);
const H2 = fakeHash(random);
const H3 = fakeHash(random);
const HASH_HEADER = 'Device Serial Number,Windows Product ID,Hardware Hash';
const PARTNER_HEADER = 'Device Serial Number,Windows Product ID,Hardware Hash,Manufacturer name,Device model';
const MMD = 'Microsoft365Managed_Standard';

function check(lines: string[], options: ValidateOptions = {}, name = 'devices.csv') {
  return validateUpload([{ name, bytes: ansi(lines.join('\r\n') + '\r\n') }], options);
}

/** `code@line:column` for each problem, the shape a partner reads them in. */
function where(problems: Problem[]) {
  return problems.map((p) => `${p.code}@${p.line ?? '-'}${p.column ? `:${p.column}` : ''}`);
}

describe('a valid device list', () => {
  it('is accepted in the hash format, and every device is kept byte for byte', () => {
    const v = check([HASH_HEADER, `0012345,,${H1}`, `VMware-56 4d 8d 37 93 fe f5 0e-88 0c 3d 23 2b a1 5a 41,,${H2}`], {
      groupTag: MMD,
    });
    expect(v.problems).toEqual([]);
    expect(v.accepted).toBe(true);
    expect(v.devices.map((d) => [d.serialNumber, d.line])).toEqual([
      ['0012345', 2],
      ['VMware-56 4d 8d 37 93 fe f5 0e-88 0c 3d 23 2b a1 5a 41', 3],
    ]);
    expect(v.devices[0]!.hardwareHash).toBe(H1);
    expect(v.files[0]).toMatchObject({ encoding: 'ascii', format: 'hash', separator: ',', rows: 2, devices: 2 });
  });

  it('is accepted in the partner format with any of the six combinations', () => {
    const v = check([
      PARTNER_HEADER,
      `,3301234567890,${H1},,`,
      `5CG1457YL8,,${H2},,`,
      `5CG1457YL9,3301234567891,${H3},,`,
      `,3301234567892,,,`,
      `4895-7167-4584-3623-0974-4308-48,,,Microsoft Corporation,Virtual Machine`,
    ]);
    expect(v.problems).toEqual([]);
    expect(v.devices).toHaveLength(5);
    expect(v.devices[4]).toMatchObject({ manufacturer: 'Microsoft Corporation', model: 'Virtual Machine' });
  });

  it('takes LF line ends and a missing final line end', () => {
    const text = `${HASH_HEADER}\n5CG1,,${H1}\n5CG2,,${H2}`;
    expect(validateUpload([{ name: 'a.csv', bytes: ansi(text) }]).accepted).toBe(true);
  });
});

describe('the encoding', () => {
  it('reports a UTF-16 file as not ANSI, fixable, and still checks its rows', () => {
    const text = `${HASH_HEADER}\r\n1.23457E+11,,${H1}\r\n`;
    const v = validateUpload([{ name: 'AutopilotHWID.csv', bytes: utf16leWithBom(text) }]);
    expect(where(v.problems)).toEqual(['ENCODING_NOT_ANSI@-', 'SERIAL_SCIENTIFIC@2:1']);
    expect(v.problems[0]).toMatchObject({ fixable: true, params: { encoding: 'utf-16le-bom', asciiOnly: true } });
  });

  it('points at the first character that is not ANSI in a UTF-8 file', () => {
    const text = `${HASH_HEADER}\r\n5CG1,,${H1}\r\nSérie,,${H2}\r\n`;
    const v = validateUpload([{ name: 'a.csv', bytes: new Uint8Array(Buffer.from(text, 'utf8')) }]);
    expect(where(v.problems)).toEqual(['ENCODING_NOT_ANSI@3:2']);
    expect(v.problems[0]).toMatchObject({ fixable: false, params: { encoding: 'utf-8', character: 'é' } });
  });

  it('reports a UTF-8 BOM as fixable', () => {
    const v = validateUpload([{ name: 'a.csv', bytes: new Uint8Array([0xef, 0xbb, 0xbf, ...ansi(`${HASH_HEADER}\r\n5CG1,,${H1}\r\n`)]) }]);
    expect(v.problems).toMatchObject([{ code: 'ENCODING_NOT_ANSI', fixable: true, params: { encoding: 'utf-8-bom' } }]);
  });

  it('says an Excel workbook is not a .csv file', () => {
    const v = validateUpload([{ name: 'devices.xlsx', bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0]) }]);
    expect(v.problems).toMatchObject([{ code: 'FILE_NOT_TEXT', file: 'devices.xlsx', params: { kind: 'xlsx' } }]);
  });
});

describe('the header', () => {
  it('points at a column whose case differs: headers are case-sensitive', () => {
    const v = check(['Device serial number,Windows Product ID,Hardware Hash', `5CG1,,${H1}`]);
    expect(where(v.problems)).toEqual(['HEADER_CASE@1:1']);
    expect(v.problems[0]).toMatchObject({
      fixable: true,
      params: { found: 'Device serial number', expected: 'Device Serial Number' },
    });
    expect(v.devices).toHaveLength(1);
  });

  it('reports columns in the wrong order, and still reads each column by its name', () => {
    const v = check(['Hardware Hash,Device Serial Number,Windows Product ID', `${H1},5CG1,`]);
    expect(where(v.problems)).toEqual(['HEADER_ORDER@1']);
    expect(v.problems[0]!.params).toEqual({
      found: 'Hardware Hash,Device Serial Number,Windows Product ID',
      expected: HASH_HEADER,
    });
    expect(v.devices[0]).toMatchObject({ serialNumber: '5CG1', hardwareHash: H1 });
  });

  it('names a missing column and an extra one', () => {
    const v = check(['Device Serial Number,Hardware Hash,Notes', `5CG1,${H1},spare`]);
    expect(where(v.problems)).toEqual(['HEADER_EXTRA_COLUMN@1:36', 'HEADER_MISSING_COLUMN@1']);
    expect(v.problems.map((p) => p.params)).toEqual([
      { name: 'Notes', expected: HASH_HEADER },
      { name: 'Windows Product ID', expected: HASH_HEADER },
    ]);
    expect(v.problems[0]!.fixable).toBe(false);
  });

  it('explains that Group Tag and Assigned User belong to Intune’s import format', () => {
    const v = check([`${HASH_HEADER},Group Tag,Assigned User`, `5CG1,,${H1},Sales,user@contoso.example`]);
    expect(where(v.problems)).toEqual(['HEADER_INTUNE_COLUMN@1:55', 'HEADER_INTUNE_COLUMN@1:65']);
    expect(v.problems.every((p) => !p.fixable)).toBe(true);
  });

  it('calls an Intune column that is empty on every line fixable', () => {
    const v = check([`${HASH_HEADER},Group Tag`, `5CG1,,${H1},`]);
    expect(v.problems).toMatchObject([{ code: 'HEADER_INTUNE_COLUMN', fixable: true }]);
  });

  it('reads a known column under another name, but asks for the exact name', () => {
    const v = check(['Serial Number,Windows Product ID,Hardware Hash', `5CG1,,${H1}`]);
    expect(v.problems).toMatchObject([
      { code: 'HEADER_COLUMN_NAME', params: { found: 'Serial Number', expected: 'Device Serial Number' }, fixable: false },
    ]);
    expect(v.devices[0]!.serialNumber).toBe('5CG1');
  });

  it('reports spaces around a column name', () => {
    const v = check(['Device Serial Number, Windows Product ID,Hardware Hash', `5CG1,,${H1}`]);
    expect(where(v.problems)).toEqual(['HEADER_SPACES@1:22']);
  });

  it('places header problems on the header’s own line, after blank lines', () => {
    const v = check(['', 'Device Serial Number,Windows Product ID,Hardware Hash,Group Tag', `5CG1,,${H1},`]);
    expect(where(v.problems)).toEqual(['BLANK_LINE@1', 'HEADER_INTUNE_COLUMN@2:55']);
    expect(v.problems.every((p) => p.fixable)).toBe(true);
  });

  it('names empty columns at the end of the header as Excel’s doing', () => {
    const v = check([`${HASH_HEADER},,`, `5CG1,,${H1},,`]);
    expect(v.problems).toMatchObject([
      { code: 'TRAILING_EMPTY_COLUMNS', line: 1, column: 54, fixable: true, params: { found: 5, expected: 3, onHeader: true } },
    ]);
    expect(check([`${HASH_HEADER},,`, `5CG1,,${H1},,x`]).problems[0]!.fixable).toBe(false);
  });

  it('says when the first line is a device, not a header', () => {
    const v = check([`5CG1,,${H1}`, `5CG2,,${H2}`]);
    expect(where(v.problems)).toEqual(['HEADER_MISSING@1:1']);
    expect(v.problems[0]!.fixable).toBe(true);
    expect(v.devices.map((d) => d.line)).toEqual([1, 2]);
  });
});

describe('separators and quotes', () => {
  it('names semicolons, as Excel writes them in French, and reads the file anyway', () => {
    const v = check(['Device Serial Number;Windows Product ID;Hardware Hash', `5CG1;12345;${H1}`]);
    expect(where(v.problems)).toEqual(['SEPARATOR_NOT_COMMA@1', 'PRODUCT_ID_INVALID@2:6']);
    expect(v.problems[0]).toMatchObject({ params: { separator: 'semicolon' }, fixable: true });
  });

  it('names tabs', () => {
    const v = check(['Device Serial Number\tWindows Product ID\tHardware Hash', `5CG1\t\t${H1}`]);
    expect(v.problems).toMatchObject([{ code: 'SEPARATOR_NOT_COMMA', params: { separator: 'tab' } }]);
    expect(v.devices).toHaveLength(1);
  });

  it('reports each line with a quote, at its first quote, and reads the quoted values', () => {
    const v = check([HASH_HEADER, `"5CG1",,"${H1}"`, `5CG2,,${H2}`, `5CG3,"",${H3}`]);
    expect(where(v.problems)).toEqual(['QUOTES@2:1', 'QUOTES@4:6']);
    expect(v.devices.map((d) => d.serialNumber)).toEqual(['5CG1', '5CG2', '5CG3']);
  });
});

describe('rows', () => {
  it('reports a line with too many or too few values', () => {
    const v = check([HASH_HEADER, `5CG1,,${H1},extra`, `5CG2`]);
    // Too many: at the comma where the extra values begin. Too few: at the end of the line.
    expect(where(v.problems)).toEqual(['FIELD_COUNT@2:4007', 'FIELD_COUNT@3:5', 'IDENTIFIERS_INCOMPLETE_TUPLE@3']);
    expect(v.problems[0]!.params).toEqual({ found: 4, expected: 3 });
  });

  it('names trailing empty columns as Excel’s doing, fixable', () => {
    const v = check([HASH_HEADER, `5CG1,,${H1},,`]);
    expect(v.problems).toMatchObject([{ code: 'TRAILING_EMPTY_COLUMNS', fixable: true, params: { found: 5, expected: 3, onHeader: false } }]);
    expect(v.devices).toHaveLength(1);
  });

  it('reports blank lines, fixable', () => {
    const v = check([HASH_HEADER, `5CG1,,${H1}`, '', ',,', `5CG2,,${H2}`]);
    expect(where(v.problems)).toEqual(['BLANK_LINE@3', 'BLANK_LINE@4']);
    expect(v.problems.map((p) => p.params)).toEqual([{ separatorsOnly: false }, { separatorsOnly: true }]);
  });

  it('rejects a hash with a manufacturer or model, pointing at the field to empty', () => {
    const v = check([PARTNER_HEADER, `5CG1,,${H1},HP,`]);
    expect(where(v.problems)).toEqual(['IDENTIFIERS_HASH_AND_TUPLE@2:4008']);
    expect(v.devices).toEqual([]);
  });

  it('names what an incomplete serial, manufacturer and model lacks', () => {
    const v = check([PARTNER_HEADER, `5CG1,,,HP,`]);
    expect(v.problems).toMatchObject([{ code: 'IDENTIFIERS_INCOMPLETE_TUPLE', params: { missing: ['model'] } }]);
  });

  it('rejects a line with no identifier, and other mixtures', () => {
    const v = check([PARTNER_HEADER, `,,,,Model`, `5CG1,3301234567890,,,`]);
    expect(where(v.problems)).toEqual(['IDENTIFIERS_INCOMPLETE_TUPLE@2', 'IDENTIFIERS_COMBINATION@3']);
    expect(check([PARTNER_HEADER, `,,,,`, `5CG1 ,,,,`]).problems.map((p) => p.code)).toEqual([
      'BLANK_LINE',
      'VALUE_SPACES',
      'IDENTIFIERS_INCOMPLETE_TUPLE',
    ]);
  });

  it('requires a hardware hash on every line under a Managed Desktop group tag', () => {
    const lines = [PARTNER_HEADER, `5CG1,,,HP,EliteBook 840 G8`, `,3301234567890,,,`];
    expect(check(lines).accepted).toBe(true);
    const v = check(lines, { groupTag: MMD });
    expect(where(v.problems)).toEqual(['HASH_REQUIRED@2', 'HASH_REQUIRED@3']);
    expect(v.problems[0]!.params).toEqual({ groupTag: MMD });
  });

  it('places hash problems at the character that is wrong', () => {
    const bad = H1.slice(0, 10) + '*' + H1.slice(11);
    const v = check([HASH_HEADER, `5CG1,,${bad}`, `5CG2,,${H2.slice(0, 3999)}`, `5CG3,,${H3.slice(0, 200)}`, `5CG4,,${'A'.repeat(4000)}`]);
    expect(where(v.problems)).toEqual([
      'HASH_NOT_BASE64@2:17',
      'HASH_TRUNCATED@3:7',
      'HASH_TOO_SHORT@4:7',
      'HASH_UNRECOGNISED@5:7',
    ]);
    expect(v.problems[0]!.params).toEqual({ character: '*' });
  });

  it('checks the Windows Product ID is the 13-digit product key ID', () => {
    const v = check([HASH_HEADER, `,3.30123E+12,${H1}`, `,VK7JG-NPHTM-C97JM-9MPGT-3V66T,${H2}`, `,3301234567890,${H3}`]);
    expect(v.problems).toMatchObject([
      { code: 'PRODUCT_ID_INVALID', line: 2, params: { looksLike: 'scientific' } },
      { code: 'PRODUCT_ID_INVALID', line: 3, params: { looksLike: 'product-key' } },
    ]);
  });

  it('says a serial in scientific notation is Excel damage', () => {
    const v = check([HASH_HEADER, `1.23457E+11,,${H1}`]);
    expect(v.problems).toMatchObject([{ code: 'SERIAL_SCIENTIFIC', line: 2, column: 1, params: { value: '1.23457E+11' } }]);
  });

  it('warns, without refusing, of spaces around a model name, and keeps them', () => {
    const v = check([PARTNER_HEADER, `5CG1,,,HP,EliteBook 840 G8 `]);
    expect(v.problems).toMatchObject([{ code: 'VALUE_SPACES', severity: 'warning', params: { field: 'model' } }]);
    expect(v.accepted).toBe(true);
    expect(v.warnings).toBe(1);
    expect(v.devices[0]!.model).toBe('EliteBook 840 G8 ');
  });

  it('reports a control character hidden in a value', () => {
    const v = check([PARTNER_HEADER, `5CG1,,,HP\u0007,Model`]);
    expect(v.problems).toMatchObject([{ code: 'VALUE_CONTROL_CHARACTER', column: 10, params: { field: 'manufacturer', codePoint: 7 } }]);
  });
});

describe('the upload as a whole', () => {
  it('reports an empty file, and a file with a header but no devices', () => {
    expect(validateUpload([{ name: 'a.csv', bytes: new Uint8Array() }]).problems).toMatchObject([{ code: 'FILE_EMPTY' }]);
    expect(check(['', '  ']).problems.map((p) => p.code)).toEqual(['FILE_EMPTY']);
    expect(check([HASH_HEADER]).problems).toMatchObject([{ code: 'NO_DEVICES', line: 1 }]);
    expect(validateUpload([]).problems).toMatchObject([{ code: 'UPLOAD_EMPTY' }]);
  });

  it('refuses more than 500 devices', () => {
    const bytes = ansi(fakeDeviceList({ devices: 501 }));
    const v = validateUpload([{ name: 'big.csv', bytes }]);
    expect(v.problems).toMatchObject([{ code: 'TOO_MANY_DEVICES', params: { count: 501, limit: 500 } }]);
    expect(validateUpload([{ name: 'ok.csv', bytes: ansi(fakeDeviceList({ devices: 500 })) }]).accepted).toBe(true);
  });

  it('checks the size in bytes before reading anything', () => {
    const v = validateUpload([{ name: 'a.csv', bytes: ansi('not,even,a,list\r\n"') }], { limits: { maxBytes: 10 } });
    expect(v.problems).toMatchObject([{ code: 'UPLOAD_TOO_LARGE', params: { bytes: 18, limit: 10 } }]);
    expect(v.files[0]).toMatchObject({ name: 'a.csv', encoding: null, rows: 0 });
  });

  it('finds the same device twice within a file, naming both places', () => {
    const v = check([HASH_HEADER, `5CG1,,${H1}`, `5CG2,,${H2}`, `5CG1,,${H1}`, `5CG9,,${H2}`]);
    expect(v.problems).toMatchObject([
      { code: 'DUPLICATE_DEVICE', line: 4, fixable: true, params: { key: 'hardwareHash', otherLine: 2, identical: true } },
      { code: 'DUPLICATE_DEVICE', line: 5, fixable: false, params: { key: 'hardwareHash', otherLine: 3, identical: false } },
    ]);
    expect(v.devices.map((d) => d.line)).toEqual([2, 3]);
  });

  it('finds the same product key, or the same serial, manufacturer and model, twice', () => {
    const v = check([
      PARTNER_HEADER,
      `,3301234567890,,,`,
      `5CG1,,,HP,EliteBook`,
      `,3301234567890,,,`,
      `5CG1,,,HP,EliteBook`,
      `5CG1,,,HP,ProBook`,
    ]);
    expect(v.problems).toMatchObject([
      { code: 'DUPLICATE_DEVICE', line: 4, params: { key: 'productKey', otherLine: 2 } },
      { code: 'DUPLICATE_DEVICE', line: 5, params: { key: 'tuple', otherLine: 3 } },
    ]);
  });

  it('finds one device under two spellings, quoting how each line writes it', () => {
    const v = check([PARTNER_HEADER, `SN-1,,,Northwind,NW 14`, `sn-1 ,,,NORTHWIND,NW  14`]);
    expect(v.problems).toMatchObject([
      { code: 'VALUE_SPACES', line: 3 },
      {
        code: 'DUPLICATE_DEVICE',
        line: 3,
        fixable: false,
        params: { key: 'tuple', otherLine: 2, identical: false, there: 'SN-1 / Northwind / NW 14', here: 'sn-1  / NORTHWIND / NW  14', hashLengths: null },
      },
    ]);
    expect(v.devices.map((d) => d.line)).toEqual([2]);
  });

  it('finds, in devices sent to the API, the spellings a file cannot hold: look-alike hyphens and full-width letters', () => {
    const device = (serialNumber: string) => ({ serialNumber, productKey: null, hardwareHash: null, manufacturer: 'Northwind', model: 'NW 14' });
    const v = validateDevices([device('SN-1'), device('SN\u20101'), device('ＳＮ-1'), device('SN-2')]);
    expect(v.problems.map((p) => [p.code, p.line, p.code === 'DUPLICATE_DEVICE' ? p.params.here : null])).toEqual([
      ['DUPLICATE_DEVICE', 2, 'SN\u20101 / Northwind / NW 14'],
      ['DUPLICATE_DEVICE', 3, 'ＳＮ-1 / Northwind / NW 14'],
    ]);
  });

  it('finds the same hash with and without its padding, giving both lengths', () => {
    const bare = withoutPadding(H1);
    const v = check([HASH_HEADER, `5CG1,,${H1}`, `5CG1,,${bare}`]);
    expect(v.problems).toMatchObject([
      { code: 'HASH_LENGTH', line: 3, severity: 'warning', params: { characters: bare.length, usual: 4000 } },
      { code: 'DUPLICATE_DEVICE', line: 3, params: { key: 'hardwareHash', otherLine: 2, hashLengths: { there: 4000, here: bare.length } } },
    ]);
  });

  it('accepts a complete hash without its padding, with a warning that gives its length', () => {
    const bare = withoutPadding(H2);
    const v = check([HASH_HEADER, `5CG1,,${bare}`], { groupTag: MMD });
    expect(v.accepted).toBe(true);
    expect(v.problems).toEqual([
      expect.objectContaining({ code: 'HASH_LENGTH', severity: 'warning', line: 2, column: 7, params: { characters: bare.length, usual: 4000 } }),
    ]);
    expect(v.devices[0]!.hardwareHash).toBe(bare);
  });

  it('warns of a device captured twice: the same serial with two different hashes', () => {
    const v = check([HASH_HEADER, `5CG1,,${H1}`, `5CG2,,${H2}`, `5cg1 ,,${H3}`]);
    expect(v.problems).toMatchObject([
      { code: 'VALUE_SPACES', line: 4 },
      { code: 'DEVICE_RECAPTURED', line: 4, severity: 'warning', params: { serialNumber: '5cg1 ', otherLine: 2 } },
    ]);
    expect(v.accepted).toBe(true);
    expect(v.devices).toHaveLength(3);
  });

  it('merges several files into one list, every problem citing its file and line', () => {
    const a = ansi(`${HASH_HEADER}\r\n5CG1,,${H1}\r\n`);
    const b = utf16leWithBom(`${HASH_HEADER}\r\n5CG2,,${H2}\r\n`);
    const c = ansi(`${HASH_HEADER}\r\n5CG3,,${H1}\r\n`);
    const v = validateUpload([
      { name: 'AutopilotHWID.csv', bytes: a },
      { name: 'AutopilotHWID.csv', bytes: b },
      { name: 'AutopilotHWID.csv', bytes: c },
    ]);
    expect(v.files.map((f) => f.name)).toEqual(['AutopilotHWID.csv', 'AutopilotHWID (2).csv', 'AutopilotHWID (3).csv']);
    expect(v.problems).toMatchObject([
      { code: 'ENCODING_NOT_ANSI', file: 'AutopilotHWID (2).csv' },
      { code: 'DUPLICATE_DEVICE', file: 'AutopilotHWID (3).csv', line: 2, params: { otherFile: 'AutopilotHWID.csv', otherLine: 2 } },
    ]);
    expect(v.devices.map((d) => [d.file, d.serialNumber])).toEqual([
      ['AutopilotHWID.csv', '5CG1'],
      ['AutopilotHWID (2).csv', '5CG2'],
    ]);
  });

  it('counts devices across files against the limit', () => {
    const file = (seed: number) => ({ name: `${seed}.csv`, bytes: ansi(fakeDeviceList({ devices: 300, seed })) });
    const v = validateUpload([file(1), file(2)]);
    expect(v.problems).toMatchObject([{ code: 'TOO_MANY_DEVICES', params: { count: 600, limit: 500 } }]);
    expect(validateUpload([file(1), file(2)], { limits: { maxDevices: 10_000 } }).accepted).toBe(true);
  });

  it('reports the group tag’s own problem before the files’', () => {
    const v = check([HASH_HEADER, `5CG1,,${H1}`], { groupTag: 'microsoft365managed_kiosk' });
    expect(v.problems.map((p) => p.code)).toEqual(['GROUP_TAG_NOT_EXACT']);
    expect(v.problems[0]!.file).toBeUndefined();
    expect(v.accepted).toBe(false);
  });

  it('calls a verdict fixable only when every error can be mended', () => {
    expect(check([HASH_HEADER, `5CG1,,${H1},`]).fixable).toBe(true);
    expect(check([HASH_HEADER, `5CG1,,${H1},`, `1.2E+11,,${H2}`]).fixable).toBe(false);
    expect(check([HASH_HEADER, `5CG1,,${H1}`]).fixable).toBe(false);
  });
});

describe('devices given as data (the REST API)', () => {
  const device = (fields: Partial<Record<'serialNumber' | 'productKey' | 'hardwareHash' | 'manufacturer' | 'model', string>>) => ({
    serialNumber: null,
    productKey: null,
    hardwareHash: null,
    manufacturer: null,
    model: null,
    ...fields,
  });

  it('accepts valid devices under the same rules as a file', async () => {
    const { validateDevices } = await import('./validate');
    const v = validateDevices([device({ serialNumber: '5CG1', hardwareHash: H1 }), device({ productKey: '3301234567890' })], {
      groupTag: 'Partner batch 7',
    });
    expect(v.problems).toEqual([]);
    expect(v.devices.map((d) => [d.file, d.line])).toEqual([
      ['request', 1],
      ['request', 2],
    ]);
  });

  it('places each problem at the device’s position in the request, and finds duplicates', async () => {
    const { validateDevices } = await import('./validate');
    const v = validateDevices(
      [
        device({ serialNumber: '5CG1', hardwareHash: H1 }),
        device({ serialNumber: '1.23457E+11', hardwareHash: H2 }),
        device({ hardwareHash: `${H3.slice(0, 5)}!${H3.slice(6)}` }),
        device({ serialNumber: '5CG9', hardwareHash: H1 }),
        device({ serialNumber: '5CG5', manufacturer: 'HP' }),
      ],
      { groupTag: MMD },
    );
    expect(where(v.problems)).toEqual([
      'SERIAL_SCIENTIFIC@2:1',
      'HASH_NOT_BASE64@3:6',
      'DUPLICATE_DEVICE@4',
      'HASH_REQUIRED@5',
    ]);
    expect(v.problems[2]!.params).toMatchObject({ otherFile: 'request', otherLine: 1 });
  });

  it('refuses no devices, and more than the limit', async () => {
    const { validateDevices } = await import('./validate');
    expect(validateDevices([]).problems.map((p) => p.code)).toEqual(['UPLOAD_EMPTY']);
    const many = Array.from({ length: 3 }, (_, i) => device({ productKey: `330123456789${i}` }));
    expect(validateDevices(many, { limits: { maxDevices: 2 } }).problems.map((p) => p.code)).toEqual(['TOO_MANY_DEVICES']);
  });
});
