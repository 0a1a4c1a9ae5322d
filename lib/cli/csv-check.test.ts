import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateUpload } from '@/lib/autopilot';
import { ansi, fakeHash, seeded, utf16leWithBom } from '@/test-data/generate';
import { EXIT, runCsvCheck } from './csv-check';

const random = seeded(5);
const H1 = fakeHash(random);
const H2 = fakeHash(random);
const HEADER = 'Device Serial Number,Windows Product ID,Hardware Hash';

function run(argv: string[], files: Record<string, Uint8Array>) {
  const written: Record<string, Uint8Array> = {};
  let out = '';
  let err = '';
  const code = runCsvCheck(argv, {
    readFile: (path) => {
      const bytes = files[path];
      if (!bytes) throw Object.assign(new Error('missing'), { code: 'ENOENT' });
      return bytes;
    },
    writeFile: (path, bytes) => void (written[path] = bytes),
    out: (text) => void (out += text),
    err: (text) => void (err += text),
  });
  return { code, out, err, written };
}

const good = ansi(`${HEADER}\r\n5CG1,,${H1}\r\n`);
const utf16 = utf16leWithBom(`${HEADER}\r\n5CG2,,${H2}\r\n`);
const broken = ansi(`${HEADER}\r\n1.23457E+11,,${H1}\r\n5CG3,,${H2.slice(0, 10)}*${H2.slice(11)}\r\n`);

describe('csv:check', () => {
  it('accepts a good list with exit 0 and says what would be registered', () => {
    const r = run(['--group-tag', 'Microsoft365Managed_Standard', 'good.csv'], { 'good.csv': good });
    expect(r.code).toBe(EXIT.accepted);
    expect(r.out).toBe(
      '\n1 file, 1 device: 0 errors, 0 warnings. Accepted: 1 device would be registered with group tag Microsoft365Managed_Standard.\n',
    );
  });

  it('prints one line per problem as file:line:column  CODE  message, and exits 1', () => {
    const r = run(['broken.csv'], { 'broken.csv': broken });
    expect(r.code).toBe(EXIT.refused);
    expect(r.out.split('\n')).toEqual([
      'broken.csv:2:1  SERIAL_SCIENTIFIC  Serial number “1.23457E+11” is a number Excel rewrote in scientific notation; the real serial number is lost.',
      'broken.csv:3:17  HASH_NOT_BASE64  The hardware hash holds “*”, which is not a base64 character.',
      '',
      '1 file, 0 devices: 2 errors, 0 warnings. Not accepted.',
      '',
    ]);
  });

  it('speaks French with --lang fr', () => {
    const r = run(['--lang', 'fr', 'broken.csv'], { 'broken.csv': broken });
    expect(r.out).toContain('broken.csv:2:1  SERIAL_SCIENTIFIC  Le numéro de série « 1.23457E+11 »');
    expect(r.out).toContain('1 fichier, 0 appareil : 2 erreurs, 0 avertissement. Refusé.');
  });

  it('writes a documented JSON report with --json', () => {
    const r = run(['--json', 'a.csv', 'b.csv'], { 'a.csv': good, 'b.csv': utf16 });
    const report = JSON.parse(r.out) as { files: Array<{ problems: Array<{ hint: string }> }> };
    expect(r.code).toBe(EXIT.refused);
    expect(report).toMatchObject({
      accepted: false,
      fixable: true,
      devices: 2,
      errors: 1,
      warnings: 0,
      problems: [],
      files: [
        { name: 'a.csv', encoding: 'ascii', format: 'hash', devices: 1, problems: [] },
        {
          name: 'b.csv',
          encoding: 'utf-16le-bom',
          encodingName: 'UTF-16 little-endian with BOM, as Windows PowerShell 5.1 writes it',
          problems: [{ code: 'ENCODING_NOT_ANSI', severity: 'error', fixable: true, file: 'b.csv' }],
        },
      ],
    });
    expect(report.files[1]!.problems[0]!.hint).toContain('converts to ANSI without loss');
  });

  it('with --fix, writes one correct ANSI file and says what changed', () => {
    const r = run(['--fix', 'out.csv', 'a.csv', 'b.csv'], { 'a.csv': good, 'b.csv': utf16 });
    expect(r.code).toBe(EXIT.accepted);
    const out = r.written['out.csv']!;
    expect(Buffer.from(out).toString('latin1')).toBe(`${HEADER}\r\n5CG1,,${H1}\r\n5CG2,,${H2}\r\n`);
    expect(validateUpload([{ name: 'out.csv', bytes: out }]).accepted).toBe(true);
    expect(r.out).toContain('Fixed: wrote out.csv (2 devices), which passes. Changes:\n');
    expect(r.out).toContain('  - b.csv: converted from UTF-16 little-endian with BOM, as Windows PowerShell 5.1 writes it to ANSI\n');
    expect(r.out).toContain('  - merged 2 files into one list of 2 devices\n');
  });

  it('with --fix, refuses what cannot be fixed, writes nothing, and names the problems', () => {
    const r = run(['--fix', 'out.csv', 'broken.csv'], { 'broken.csv': broken });
    expect(r.code).toBe(EXIT.refused);
    expect(r.written).toEqual({});
    expect(r.out).toContain('Not fixed: 2 problems cannot be fixed without losing or guessing data');
    expect(r.out).toContain('  broken.csv:2:1  SERIAL_SCIENTIFIC\n');
  });

  it('exits 2 on bad usage, with the usage', () => {
    expect(run([], {}).code).toBe(EXIT.usage);
    expect(run(['--lang', 'de', 'a.csv'], { 'a.csv': good })).toMatchObject({ code: EXIT.usage });
    const unknown = run(['--frobnicate', 'a.csv'], { 'a.csv': good });
    expect(unknown.code).toBe(EXIT.usage);
    expect(unknown.err).toContain('Usage: npm run csv:check');
    const missing = run(['nowhere.csv'], {});
    expect(missing).toMatchObject({ code: EXIT.usage, err: 'csv:check: cannot read nowhere.csv (ENOENT)\n' });
  });

  it('prints its usage with --help', () => {
    const r = run(['--help'], {});
    expect(r.code).toBe(0);
    expect(r.out).toContain('--fix OUT');
  });

  it('runs as npm run csv:check, reading and writing real files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'csv-check-'));
    const source = join(dir, 'AutopilotHWID.csv');
    const fixed = join(dir, 'fixed.csv');
    writeFileSync(source, readFileSync(join(__dirname, '../../test-data/real/Pmedley26__PowerShell__AutopilotHWID.csv')));
    const check = spawnSync('npm', ['run', '-s', 'csv:check', '--', source], { encoding: 'utf8' });
    expect(check.status).toBe(1);
    expect(check.stdout).toContain(`${source}  ENCODING_NOT_ANSI`);
    execFileSync('npm', ['run', '-s', 'csv:check', '--', '--fix', fixed, source]);
    const again = spawnSync('npm', ['run', '-s', 'csv:check', '--', '--group-tag', 'Microsoft365Managed_Standard', fixed], {
      encoding: 'utf8',
    });
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('Accepted: 1 device would be registered');
  });
});
