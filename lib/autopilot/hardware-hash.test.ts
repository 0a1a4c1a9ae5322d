import { describe, expect, it } from 'vitest';
import { fakeHash, seeded } from '@/test-data/generate';
import { checkHardwareHash, HASH_MIN_BYTES } from './hardware-hash';

const hash = fakeHash(seeded(7));
const b64 = (bytes: number[]) => Buffer.from(bytes).toString('base64');

describe('hardware hash', () => {
  it('accepts a 4K hash as Get-WindowsAutoPilotInfo reads it', () => {
    expect(hash).toHaveLength(4000);
    expect(hash.startsWith('T0')).toBe(true);
    expect(checkHardwareHash(hash)).toEqual({ ok: true });
  });

  it('names a character that is not base64, and where it is', () => {
    const damaged = hash.slice(0, 100) + ' ' + hash.slice(101);
    expect(checkHardwareHash(damaged)).toEqual({ ok: false, reason: 'not-base64', index: 100, character: ' ' });
    expect(checkHardwareHash(hash.slice(0, 10) + '-' + hash.slice(11))).toMatchObject({
      reason: 'not-base64',
      index: 10,
      character: '-',
    });
  });

  it('says a hash cut off mid-group is truncated', () => {
    expect(checkHardwareHash(hash.slice(0, 3999))).toMatchObject({ ok: false, reason: 'truncated', characters: 3999 });
    expect(checkHardwareHash(hash.slice(0, 3997))).toMatchObject({ ok: false, reason: 'truncated' });
  });

  it('says a hash shorter than the length its own header declares is truncated', () => {
    // The declared length (bytes 2–3) is at least 700 bytes: 600 characters hold 450.
    expect(checkHardwareHash(hash.slice(0, 600))).toMatchObject({ ok: false, reason: 'truncated', decodedBytes: 450 });
  });

  it('says what is wrong with the padding', () => {
    const body = b64([0x4f, 0x41, 0x10, 0x00, ...new Array<number>(296).fill(1)]); // 300 bytes: no padding
    expect(checkHardwareHash(body)).toEqual({ ok: true });
    const padded = b64([0x4f, 0x41, 0x10, 0x00, ...new Array<number>(297).fill(1)]); // 301 bytes: "=="
    expect(padded.endsWith('==')).toBe(true);
    expect(checkHardwareHash(padded)).toEqual({ ok: true });
    expect(checkHardwareHash(padded.slice(0, -1))).toMatchObject({ reason: 'bad-padding', detail: 'missing' });
    expect(checkHardwareHash(padded + '=')).toMatchObject({ reason: 'bad-padding', detail: 'excess' });
    expect(checkHardwareHash(body + '==')).toMatchObject({ reason: 'bad-padding', detail: 'excess' });
    expect(checkHardwareHash(body.slice(0, 40) + '=' + body.slice(41))).toMatchObject({
      reason: 'bad-padding',
      detail: 'misplaced',
      index: 40,
    });
    const noncanonical = padded.slice(0, -3) + 'B==';
    expect(checkHardwareHash(noncanonical)).toMatchObject({ reason: 'bad-padding', detail: 'noncanonical' });
  });

  it('says an older 128-byte hash or a fragment is too short', () => {
    expect(checkHardwareHash(b64([0x4f, 0x41, ...new Array<number>(126).fill(7)]))).toEqual({
      ok: false,
      reason: 'too-short',
      decodedBytes: 128,
    });
    expect(checkHardwareHash('T0Go')).toMatchObject({ reason: 'too-short' });
    expect(HASH_MIN_BYTES).toBe(256);
  });

  it('says base64 that is not an OA3 hash is unrecognised', () => {
    expect(checkHardwareHash(b64(new Array<number>(3000).fill(0x20)))).toEqual({ ok: false, reason: 'unrecognised' });
  });
});
