/**
 * The validator against papaparse on the same bytes: lists with realistic
 * 4,000-character hashes, at 500 devices (Microsoft's cap per list) and at
 * 10,000 (API-scale batches; the cap is a policy check, the core must scale
 * linearly).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { validateUpload } from '@/lib/autopilot';
import { ansi, fakeDeviceList, utf16leWithBom } from '@/test-data/generate';
import { MB, fmt, timeTogether } from './measure';

const GROUP_TAG = 'Microsoft365Managed_Standard';
const UNCAPPED = { maxDevices: Infinity, maxBytes: Infinity };

interface Case {
  label: string;
  devices: number;
  bytes: Uint8Array;
  /** How papaparse is given the same bytes: decoded as the file's encoding says. */
  encoding: 'windows-1252' | 'utf-16le';
}

export interface ValidatorFigures {
  label: string;
  devices: number;
  inputMB: number;
  validateMs: number;
  papaMs: number;
  papaParseOnlyMs: number;
  ratio: number;
  devicesPerSecond: number;
  mbPerSecond: number;
  peakMemoryMB: number;
  peakMemoryRatio: number;
}

function cases(): Case[] {
  const list500 = fakeDeviceList({ devices: 500 });
  const list10k = fakeDeviceList({ devices: 10_000 });
  return [
    { label: '500 devices, ANSI', devices: 500, bytes: ansi(list500), encoding: 'windows-1252' },
    { label: '10,000 devices, ANSI', devices: 10_000, bytes: ansi(list10k), encoding: 'windows-1252' },
    { label: '500 devices, UTF-16 (PowerShell 5.1)', devices: 500, bytes: utf16leWithBom(list500), encoding: 'utf-16le' },
  ];
}

/** Peak resident memory of one validation, measured in a fresh process so nothing else is counted. */
function peakMemory(bytes: Uint8Array, devices: number): number {
  const dir = mkdtempSync(join(tmpdir(), 'bench-'));
  try {
    const file = join(dir, 'list.csv');
    writeFileSync(file, bytes);
    const out = execFileSync(
      process.execPath,
      ['--expose-gc', '--import', 'tsx', join(import.meta.dirname, 'validator-memory.ts'), file, GROUP_TAG],
      { encoding: 'utf8' },
    );
    const figures = JSON.parse(out) as { peakBytes: number; devices: number };
    if (figures.devices !== devices) throw new Error(`expected ${devices} devices, read ${figures.devices}`);
    const { peakBytes } = figures;
    return peakBytes;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function benchValidator(): ValidatorFigures[] {
  return cases().map(({ label, devices, bytes, encoding }) => {
    const decoder = new TextDecoder(encoding);
    const text = decoder.decode(bytes);
    const check = validateUpload([{ name: 'list.csv', bytes }], { groupTag: GROUP_TAG, limits: UNCAPPED });
    if (!check.accepted && encoding === 'windows-1252') throw new Error('the generated list should pass');
    if (check.devices.length !== devices) throw new Error(`expected ${devices} devices, read ${check.devices.length}`);

    const rounds = devices > 1000 ? 15 : 150;
    const t = timeTogether(
      {
        validate: () => validateUpload([{ name: 'list.csv', bytes }], { groupTag: GROUP_TAG, limits: UNCAPPED }),
        papa: () => Papa.parse(decoder.decode(bytes)),
        papaParseOnly: () => Papa.parse(text),
      },
      rounds,
    );
    const peak = peakMemory(bytes, devices);
    return {
      label,
      devices,
      inputMB: bytes.length / MB,
      validateMs: t.validate!,
      papaMs: t.papa!,
      papaParseOnlyMs: t.papaParseOnly!,
      ratio: t.validate! / t.papa!,
      devicesPerSecond: devices / (t.validate! / 1000),
      mbPerSecond: bytes.length / MB / (t.validate! / 1000),
      peakMemoryMB: peak / MB,
      peakMemoryRatio: peak / bytes.length,
    };
  });
}

export function printValidator(figures: ValidatorFigures[]): void {
  console.log('Validator: full validation against papaparse parsing the same bytes (decode + parse), median of rounds taken in turn');
  console.log('');
  console.log(
    '| list | input | validation | papaparse | ratio (target ≤ 1.5) | vs parse only | devices/s | MB/s | peak memory | × input (target < 4) |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const f of figures) {
    console.log(
      `| ${f.label} | ${fmt(f.inputMB)} MB | ${fmt(f.validateMs, 2)} ms | ${fmt(f.papaMs, 2)} ms | ${fmt(f.ratio, 2)} | ${fmt(
        f.validateMs / f.papaParseOnlyMs,
        2,
      )} | ${fmt(f.devicesPerSecond, 0)} | ${fmt(f.mbPerSecond, 0)} | ${fmt(f.peakMemoryMB)} MB | ${fmt(f.peakMemoryRatio, 2)} |`,
    );
  }
  console.log('');
}
