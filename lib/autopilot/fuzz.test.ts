/**
 * Whatever the bytes, the validator gives a verdict: it never throws, and
 * what it says is consistent and can be put into words in both languages.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ansi, fakeHash, seeded } from '@/test-data/generate';
import { fixUpload } from './fix';
import { LANGS } from './lang';
import { describeProblem } from './messages';
import { PROBLEM_CODES } from './problems';
import { validateUpload, type UploadFile, type ValidateOptions } from './validate';

const CODES = new Set<string>(PROBLEM_CODES);

function assertSound(files: UploadFile[], options: ValidateOptions = {}) {
  const v = validateUpload(files, options);
  expect(v.accepted).toBe(v.errors === 0);
  expect(v.errors + v.warnings).toBe(v.problems.length);
  for (const p of v.problems) {
    expect(CODES.has(p.code)).toBe(true);
    if (p.line !== undefined) expect(p.line).toBeGreaterThanOrEqual(1);
    if (p.column !== undefined) expect(p.column).toBeGreaterThanOrEqual(1);
    for (const lang of LANGS) expect(describeProblem(p, lang).message).not.toBe('');
  }
  for (const d of v.devices) {
    expect(d.serialNumber ?? d.productKey ?? d.hardwareHash).not.toBeNull();
  }
  const fixed = fixUpload(files, options);
  if (fixed.ok) {
    expect(fixed.verdict.accepted).toBe(true);
    expect(fixed.verdict.devices).toHaveLength(v.devices.length);
  } else if (v.errors > 0) {
    // Refused only for a reason it names, or because nothing could be read.
    expect(fixed.blocking.length > 0 || v.devices.length === 0).toBe(true);
  }
  return v;
}

const realDir = join(__dirname, '../../test-data/real');
const seeds: Uint8Array[] = [
  ...readdirSync(realDir)
    .filter((n) => n.endsWith('.csv'))
    .map((n) => new Uint8Array(readFileSync(join(realDir, n)))),
  new Uint8Array(readFileSync(join(__dirname, '../../public/autopilot-devices-sample.csv'))),
];

type Mutation = { at: number; kind: 'set' | 'insert' | 'delete' | 'truncate'; byte: number };

function mutate(source: Uint8Array, mutations: Mutation[]): Uint8Array {
  let bytes = Array.from(source);
  for (const { at, kind, byte } of mutations) {
    const i = bytes.length === 0 ? 0 : at % bytes.length;
    if (kind === 'set') bytes[i] = byte;
    else if (kind === 'insert') bytes.splice(i, 0, byte);
    else if (kind === 'delete') bytes.splice(i, 1);
    else bytes = bytes.slice(0, i);
  }
  return new Uint8Array(bytes);
}

const mutation = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom('set', 'insert', 'delete', 'truncate' as const),
  // Bytes that matter to the format come up often; any byte may.
  byte: fc.oneof(fc.constantFrom(0x00, 0x0a, 0x0d, 0x22, 0x2c, 0x3b, 0x09, 0x3d, 0x20, 0xff, 0xfe, 0xef), fc.integer({ min: 0, max: 255 })),
}) as fc.Arbitrary<Mutation>;

const groupTag = fc.constantFrom(null, 'Microsoft365Managed_Standard', 'microsoft365managed_kiosk', 'Sales', '');

describe('the validator on any input', () => {
  it('gives a sound verdict for random bytes', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 600 }), { minLength: 0, maxLength: 3 }), groupTag, (arrays, tag) => {
        assertSound(arrays.map((bytes, i) => ({ name: `f${i}.csv`, bytes })), { groupTag: tag });
      }),
      { numRuns: 1500 },
    );
  });

  it('gives a sound verdict for real files mutated byte by byte', () => {
    fc.assert(
      fc.property(fc.nat({ max: seeds.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 8 }), groupTag, (i, ms, tag) => {
        assertSound([{ name: 'AutopilotHWID.csv', bytes: mutate(seeds[i]!, ms) }], { groupTag: tag });
      }),
      { numRuns: 1500 },
    );
  });

  it('gives a sound verdict for lists assembled from the pieces real lists are made of', () => {
    const hash = fakeHash(seeded(3));
    const piece = fc.constantFrom(
      'Device Serial Number',
      'Windows Product ID',
      'Hardware Hash',
      'Manufacturer name',
      'Device model',
      'Group Tag',
      'hardware hash',
      hash,
      hash.slice(0, 1001),
      hash + '=',
      '3301234567890',
      '1.23457E+11',
      '5CG1457YL8',
      'HP',
      ' ',
      '',
      '"',
      '""',
      ',',
      ';',
      '\t',
      '\r\n',
      '\n',
      '\r',
      'é',
      '=',
    );
    fc.assert(
      fc.property(fc.array(fc.array(piece, { maxLength: 12 }), { maxLength: 4 }), groupTag, (files, tag) => {
        assertSound(files.map((pieces, i) => ({ name: `f${i % 2}.csv`, bytes: ansi(pieces.join('')) })), { groupTag: tag });
      }),
      { numRuns: 2000 },
    );
  });
});
