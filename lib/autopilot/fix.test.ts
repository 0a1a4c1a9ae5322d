import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ansi, fakeHash, seeded, utf16leWithBom } from '@/test-data/generate';
import { describeChange, fixUpload } from './fix';

const random = seeded(9);
const H1 = fakeHash(random);
const H2 = fakeHash(random);
const HASH_HEADER = 'Device Serial Number,Windows Product ID,Hardware Hash';
const PARTNER_HEADER = `${HASH_HEADER},Manufacturer name,Device model`;
const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');

describe('fixing an upload', () => {
  it('mends everything that can be mended without loss, in one ANSI file', () => {
    const messy = utf16leWithBom(
      ['Device serial number;Windows Product ID;Hardware Hash;;', `5CG1;;${H1};;`, '', `5CG2;;${H2};;`, `5CG1;;${H1};;`].join('\r\n'),
    );
    const fixed = fixUpload([{ name: 'messy.csv', bytes: messy }]);
    if (!fixed.ok) throw new Error(`expected a fix, blocked by ${fixed.blocking.map((p) => p.code).join(', ')}`);
    expect(text(fixed.bytes)).toBe(`${HASH_HEADER}\r\n5CG1,,${H1}\r\n5CG2,,${H2}\r\n`);
    expect(fixed.changes.map((c) => describeChange(c, 'en'))).toEqual([
      'messy.csv: converted from UTF-16 little-endian with BOM, as Windows PowerShell 5.1 writes it to ANSI',
      'messy.csv: separated the columns with commas',
      `messy.csv: wrote the header “${HASH_HEADER}”`,
      'removed 1 blank line',
      'removed 1 repeated line',
      'removed 2 empty columns',
    ]);
    expect(fixed.verdict.accepted).toBe(true);
  });

  it('merges lists of both formats into the 5-column format', () => {
    const fixed = fixUpload([
      { name: 'a.csv', bytes: ansi(`${HASH_HEADER}\r\n5CG1,,${H1}\r\n`) },
      { name: 'b.csv', bytes: ansi(`${PARTNER_HEADER}\r\n5CG2,,,HP,EliteBook 840 G8\r\n`) },
    ]);
    if (!fixed.ok) throw new Error('expected a fix');
    expect(text(fixed.bytes)).toBe(`${PARTNER_HEADER}\r\n5CG1,,${H1},,\r\n5CG2,,,HP,EliteBook 840 G8\r\n`);
    expect(fixed.changes).toEqual([{ kind: 'merged', files: 2, devices: 2 }]);
    expect(describeChange(fixed.changes[0]!, 'fr')).toBe('2 fichiers fusionnés en une liste de 2 appareils');
  });

  it('drops the empty columns Excel leaves at the end of lines', () => {
    const fixed = fixUpload([{ name: 'a.csv', bytes: ansi(`${HASH_HEADER}\r\n5CG1,,${H1},,\r\n5CG2,,${H2},\r\n`) }]);
    if (!fixed.ok) throw new Error('expected a fix');
    expect(text(fixed.bytes)).toBe(`${HASH_HEADER}\r\n5CG1,,${H1}\r\n5CG2,,${H2}\r\n`);
    expect(fixed.changes.map((c) => describeChange(c, 'en'))).toEqual(['removed the empty columns at the end of 2 lines']);
    expect(fixed.changes.map((c) => describeChange(c, 'fr'))).toEqual(['colonnes vides retirées en fin de 2 lignes']);
  });

  it('reorders columns and drops an Intune column left empty', () => {
    const fixed = fixUpload([{ name: 'a.csv', bytes: ansi(`Hardware Hash,Device Serial Number,Windows Product ID,Group Tag\r\n${H1},5CG1,,\r\n`) }]);
    if (!fixed.ok) throw new Error('expected a fix');
    expect(text(fixed.bytes)).toBe(`${HASH_HEADER}\r\n5CG1,,${H1}\r\n`);
  });

  it('keeps ANSI characters and stray spaces exactly as they were', () => {
    const source = new Uint8Array([...ansi(`${PARTNER_HEADER}\r\n5CG1,,,Soci`), 0xe9, ...ansi(`t`), 0xe9, ...ansi(`,Model \r\n`)]);
    const fixed = fixUpload([{ name: 'a.csv', bytes: source }, { name: 'b.csv', bytes: ansi(`${HASH_HEADER}\r\n5CG2,,${H2}\r\n`) }]);
    if (!fixed.ok) throw new Error('expected a fix');
    expect(Array.from(fixed.bytes.subarray(0, source.length))).toEqual(Array.from(source));
    expect(fixed.verdict.warnings).toBe(1);
  });

  it('refuses when a problem cannot be mended, and says which', () => {
    const fixed = fixUpload([{ name: 'a.csv', bytes: utf16leWithBom(`${HASH_HEADER}\r\n1.23457E+11,,${H1}\r\n`) }]);
    expect(fixed.ok).toBe(false);
    if (fixed.ok) return;
    expect(fixed.blocking.map((p) => [p.code, p.line])).toEqual([['SERIAL_SCIENTIFIC', 2]]);
  });

  it('refuses a UTF-8 file whose characters are not all ASCII', () => {
    const fixed = fixUpload([{ name: 'a.csv', bytes: new Uint8Array(Buffer.from(`${HASH_HEADER}\r\nSérie,,${H1}\r\n`)) }]);
    expect(fixed.ok).toBe(false);
    if (!fixed.ok) expect(fixed.blocking.map((p) => p.code)).toEqual(['ENCODING_NOT_ANSI']);
  });

  it('refuses a duplicate whose two lines disagree', () => {
    const fixed = fixUpload([{ name: 'a.csv', bytes: ansi(`${HASH_HEADER}\r\n5CG1,,${H1}\r\n5CG2,,${H1}\r\n`) }]);
    expect(fixed.ok).toBe(false);
  });
});

describe('the sample device list offered for download', () => {
  it('passes under every Managed Desktop group tag', () => {
    const bytes = new Uint8Array(readFileSync(join(__dirname, '../../public/autopilot-devices-sample.csv')));
    const fixed = fixUpload([{ name: 'sample.csv', bytes }], { groupTag: 'Microsoft365Managed_Kiosk-Shared' });
    if (!fixed.ok) throw new Error('expected the sample to pass');
    expect(fixed.changes).toEqual([]);
    expect(Array.from(fixed.bytes)).toEqual(Array.from(bytes));
    expect(fixed.verdict.files[0]).toMatchObject({ format: 'partner', encoding: 'ascii', devices: 3 });
  });
});
