/**
 * Device lists written by the tools partners use, found in public
 * repositories (test-data/real/SOURCES.md): the validator must say of each
 * what SOURCES.md says a faithful validator says.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixUpload } from './fix';
import { validateUpload } from './validate';

const dir = join(__dirname, '../../test-data/real');
const read = (name: string) => ({ name, bytes: new Uint8Array(readFileSync(join(dir, name))) });
const MMD = 'Microsoft365Managed_Standard';

const GET_WINDOWS_AUTOPILOT_INFO = [
  ['Pmedley26__PowerShell__AutopilotHWID.csv', '5CG1457YL8'],
  ['churlbap__ponise__AutopilotHWID.csv', null],
  ['ChinwikeOnyia26__ModernEndpoints-Deployment-Scripts__AutopilotHWID.csv', null],
  ['tklawun__PowerShell__MyComputer.csv', null],
  ['brtfem001__Intune__computers.csv', '4895-7167-4584-3623-0974-4308-48'],
  ['M3sterKw0n__class13__HWID.csv', 'VMware-56 4d 8d 37 93 fe f5 0e-88 0c 3d 23 2b a1 5a 41'],
] as const;

describe('Get-WindowsAutoPilotInfo’s default output', () => {
  it.each(GET_WINDOWS_AUTOPILOT_INFO)('%s: one valid device, but UTF-16 (fixable)', (name, serial) => {
    const v = validateUpload([read(name)], { groupTag: MMD });
    expect(v.files[0]).toMatchObject({ encoding: 'utf-16le-bom', format: 'hash', rows: 1, devices: 1 });
    expect(v.problems).toMatchObject([
      { code: 'ENCODING_NOT_ANSI', severity: 'error', fixable: true, params: { encoding: 'utf-16le-bom', asciiOnly: true } },
    ]);
    expect(v.accepted).toBe(false);
    expect(v.fixable).toBe(true);
    expect(v.devices[0]!.hardwareHash).toHaveLength(4000);
    if (serial) expect(v.devices[0]!.serialNumber).toBe(serial);
  });

  it.each(GET_WINDOWS_AUTOPILOT_INFO)('%s: passes once fixed', (name, serial) => {
    const fixed = fixUpload([read(name)], { groupTag: MMD });
    if (!fixed.ok) throw new Error('expected a fix');
    expect(fixed.verdict.accepted).toBe(true);
    expect(fixed.verdict.problems).toEqual([]);
    expect(fixed.changes).toEqual([{ kind: 'converted', file: name, from: 'utf-16le-bom' }]);
    const text = Buffer.from(fixed.bytes).toString('latin1');
    expect(text.startsWith('Device Serial Number,Windows Product ID,Hardware Hash\r\n')).toBe(true);
    if (serial) expect(text).toContain(`\r\n${serial},,T0`);
  });

  it('all six, uploaded together as technicians collect them, merge into one list of six devices', () => {
    const files = GET_WINDOWS_AUTOPILOT_INFO.map(([name]) => read(name));
    const fixed = fixUpload(files, { groupTag: MMD });
    if (!fixed.ok) throw new Error('expected a fix');
    expect(fixed.verdict.devices).toHaveLength(6);
    expect(fixed.changes.at(-1)).toEqual({ kind: 'merged', files: 6, devices: 6 });
  });
});

describe('Get-WindowsAutoPilotInfo -GroupTag output', () => {
  it('has an extra Group Tag column for this flow, which cannot be dropped without loss', () => {
    const v = validateUpload([read('HexDK__SGRE_BG__AutopilotHWID.csv')], { groupTag: MMD });
    expect(v.problems.map((p) => p.code)).toEqual(['ENCODING_NOT_ANSI', 'HEADER_INTUNE_COLUMN']);
    expect(v.problems[1]).toMatchObject({ line: 1, column: 55, fixable: false, params: { name: 'Group Tag' } });
    expect(v.fixable).toBe(false);
    expect(fixUpload([read('HexDK__SGRE_BG__AutopilotHWID.csv')]).ok).toBe(false);
  });
});

describe('an Intune device export', () => {
  it('is not a registration file: wrong in header, quoting and columns', () => {
    const v = validateUpload([read('ennnbeee__AutopilotGroupTagger__AutopilotDevices.csv')], { groupTag: MMD });
    const codes = new Set(v.problems.map((p) => p.code));
    expect(codes).toEqual(
      new Set([
        'QUOTES',
        'HEADER_EXTRA_COLUMN',
        'HEADER_INTUNE_COLUMN',
        'HEADER_COLUMN_NAME',
        'HEADER_MISSING_COLUMN',
        'HASH_REQUIRED',
      ]),
    );
    expect(v.files[0]).toMatchObject({ encoding: 'ascii', rows: 13 });
    expect(v.problems.filter((p) => p.code === 'QUOTES')).toHaveLength(14);
    expect(v.problems.filter((p) => p.code === 'HEADER_MISSING_COLUMN').map((p) => p.params)).toMatchObject([
      { name: 'Windows Product ID' },
      { name: 'Hardware Hash' },
    ]);
    expect(v.accepted).toBe(false);
    expect(v.fixable).toBe(false);
  });
});
