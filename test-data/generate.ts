/**
 * Device lists made for tests and benchmarks: hashes shaped like real 4K
 * hashes (3,000 bytes, `OA` header, declared length, zero padding; 4,000
 * base64 characters), from a seeded generator so that every run is the same.
 */
import { headerLine, type ListFormat } from '@/lib/autopilot';

/** A small deterministic generator (mulberry32). */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function fakeHash(random: () => number): string {
  const bytes = new Uint8Array(3000);
  const declared = 700 + Math.floor(random() * 500);
  bytes[0] = 0x4f;
  bytes[1] = 0x41;
  bytes[2] = declared & 0xff;
  bytes[3] = declared >> 8;
  for (let i = 4; i < declared + 36; i++) bytes[i] = Math.floor(random() * 256);
  return Buffer.from(bytes).toString('base64');
}

/** The same hash as Microsoft's own samples write it: its data alone, without the zero padding. */
export function withoutPadding(hash: string): string {
  const bytes = Buffer.from(hash, 'base64');
  let end = bytes.length;
  while (end > 0 && bytes[end - 1] === 0) end--;
  return bytes.subarray(0, end).toString('base64');
}

export function fakeSerial(random: () => number, i: number): string {
  return `5CG${Math.floor(random() * 1e6).toString().padStart(6, '0')}${i.toString(36).toUpperCase().padStart(4, '0')}`;
}

export interface FakeListOptions {
  devices: number;
  seed?: number;
  format?: ListFormat;
  lineEnd?: string;
}

/** A valid device list, as text: serial number and hash on every line. */
export function fakeDeviceList({ devices, seed = 1, format = 'hash', lineEnd = '\r\n' }: FakeListOptions): string {
  const random = seeded(seed);
  const lines = [headerLine(format)];
  for (let i = 0; i < devices; i++) {
    const row = [fakeSerial(random, i), '', fakeHash(random)];
    if (format === 'partner') row.push('', '');
    lines.push(row.join(','));
  }
  return lines.join(lineEnd) + lineEnd;
}

export function ansi(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, 'latin1'));
}

/** The bytes Windows PowerShell 5.1's Out-File writes: UTF-16LE with a BOM. */
export function utf16leWithBom(text: string): Uint8Array {
  return new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
}
