import { describe, expect, it } from 'vitest';
import { convertToAnsi, decodeFile, encodeAnsi, firstNonAscii } from './encoding';

const bytes = (...values: number[]) => new Uint8Array(values);
const ascii = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'));

function text(b: Uint8Array) {
  const decoded = decodeFile(b);
  if (decoded.kind !== 'text') throw new Error(`expected text, got ${decoded.kind}`);
  return decoded;
}

describe('reading the encoding of a device list', () => {
  it('takes plain ASCII as ANSI', () => {
    const d = text(ascii('Device Serial Number\r\n'));
    expect(d).toMatchObject({ encoding: 'ascii', isAnsi: true, isAsciiOnly: true, text: 'Device Serial Number\r\n' });
  });

  it('takes Windows-1252 bytes as ANSI', () => {
    const d = text(bytes(0x43, 0x61, 0x66, 0xe9, 0x0d, 0x0a));
    expect(d).toMatchObject({ encoding: 'windows-1252', isAnsi: true, isAsciiOnly: false, text: 'Café\r\n' });
  });

  it('names UTF-16 little-endian with BOM, as Windows PowerShell 5.1 writes it', () => {
    const d = text(new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('A,B\r\n', 'utf16le')])));
    expect(d).toMatchObject({ encoding: 'utf-16le-bom', isAnsi: false, isAsciiOnly: true, text: 'A,B\r\n' });
  });

  it('names UTF-16 big-endian with BOM, and both byte orders without BOM', () => {
    const be = Buffer.from('Device Serial Number', 'utf16le').swap16();
    expect(text(new Uint8Array(Buffer.concat([Buffer.from([0xfe, 0xff]), be]))).encoding).toBe('utf-16be-bom');
    expect(text(new Uint8Array(be)).encoding).toBe('utf-16be');
    expect(text(new Uint8Array(Buffer.from('Device Serial Number', 'utf16le'))).encoding).toBe('utf-16le');
  });

  it('names a UTF-8 BOM, and UTF-8 with multi-byte characters', () => {
    expect(text(bytes(0xef, 0xbb, 0xbf, 0x41))).toMatchObject({ encoding: 'utf-8-bom', text: 'A', isAsciiOnly: true });
    expect(text(new Uint8Array(Buffer.from('Café', 'utf8')))).toMatchObject({ encoding: 'utf-8', isAsciiOnly: false });
  });

  it('says an Excel workbook or a binary file is not text', () => {
    expect(decodeFile(bytes(0x50, 0x4b, 0x03, 0x04, 0x14))).toEqual({ kind: 'not-text', notText: 'xlsx' });
    expect(decodeFile(bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1))).toEqual({ kind: 'not-text', notText: 'xls' });
    expect(decodeFile(bytes(0x41, 0x00, 0x00, 0x00, 0x42, 0x43, 0x44))).toEqual({ kind: 'not-text', notText: 'binary' });
    expect(decodeFile(bytes())).toEqual({ kind: 'empty' });
  });

  it('finds the first character that is not ASCII, by line and column', () => {
    expect(firstNonAscii('abc\r\nde€f')).toEqual({ line: 2, column: 3, character: '€' });
    expect(firstNonAscii('abc')).toBeNull();
  });
});

describe('converting to ANSI', () => {
  it('converts a UTF-16 file of ASCII characters without loss', () => {
    const source = 'Device Serial Number,Windows Product ID,Hardware Hash\r\n5CG1457YL8,,T0Go\r\n';
    const utf16 = new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(source, 'utf16le')]));
    expect(Buffer.from(convertToAnsi(utf16)!).toString('latin1')).toBe(source);
  });

  it('refuses when a character would be lost', () => {
    expect(convertToAnsi(new Uint8Array(Buffer.from('Café', 'utf8')))).toBeNull();
    expect(encodeAnsi('漢')).toBeNull();
  });

  it('writes Windows-1252 characters as their ANSI bytes', () => {
    expect(Array.from(encodeAnsi('é€')!)).toEqual([0xe9, 0x80]);
  });
});

describe('Windows-1252', () => {
  it('reads bytes 0x80–0x9F as Windows-1252 characters, not Latin-1 controls', () => {
    expect(text(bytes(0x80, 0x20, 0x99, 0x20, 0x9c, 0x20, 0xe9)).text).toBe('€ ™ œ é');
  });

  it('writes back every byte it reads', () => {
    const all = new Uint8Array(256 - 0x20).map((_, i) => 0x20 + i).filter((b) => b !== 0x7f);
    const decoded = text(all);
    expect(decoded.encoding).toBe('windows-1252');
    expect(Array.from(encodeAnsi(decoded.text)!)).toEqual(Array.from(all));
  });
});
