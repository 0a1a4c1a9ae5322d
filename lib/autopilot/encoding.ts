/**
 * Which encoding a device list was written in, its text, and the lossless
 * conversion to ANSI. Partner Center accepts ANSI text only.
 */

export type EncodingId =
  | 'ascii'
  | 'windows-1252'
  | 'utf-8'
  | 'utf-8-bom'
  | 'utf-16le-bom'
  | 'utf-16le'
  | 'utf-16be-bom'
  | 'utf-16be';

export type NotTextKind = 'xlsx' | 'xls' | 'binary';

export type DecodedFile =
  | { kind: 'empty' }
  | { kind: 'not-text'; notText: NotTextKind }
  | {
      kind: 'text';
      encoding: EncodingId;
      /** The text, without any byte order mark. */
      text: string;
      /** True for ANSI files (plain ASCII or Windows-1252), as Partner Center wants them. */
      isAnsi: boolean;
      /** True when every character is ASCII, so the text converts to ANSI without loss. */
      isAsciiOnly: boolean;
    };

const utf8Fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const utf16le = new TextDecoder('utf-16le', { ignoreBOM: true });
const utf16be = new TextDecoder('utf-16be', { ignoreBOM: true });
const windows1252Decoder = new TextDecoder('windows-1252');

/**
 * Windows-1252's characters for bytes 0x80–0x9F (0xA0–0xFF are Latin-1's).
 * Written out because some runtimes' `TextDecoder('windows-1252')` decodes
 * as Latin-1; the five bytes Windows-1252 leaves undefined stay as they are.
 */
const WINDOWS_1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function decodeWindows1252(bytes: Uint8Array): string {
  return windows1252Decoder.decode(bytes).replace(/[\x80-\x9f]/g, (c) => WINDOWS_1252_HIGH[c.charCodeAt(0) - 0x80]!);
}

const NON_ASCII = /[^\x00-\x7f]/;

/** Reads the bytes of one file: never throws, whatever the bytes. */
export function decodeFile(bytes: Uint8Array): DecodedFile {
  if (bytes.length === 0) return { kind: 'empty' };

  const b0 = bytes[0];
  const b1 = bytes[1];
  if (b0 === 0xff && b1 === 0xfe) return utf16(bytes.subarray(2), 'utf-16le-bom');
  if (b0 === 0xfe && b1 === 0xff) return utf16(bytes.subarray(2), 'utf-16be-bom');
  if (b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf) {
    return withText('utf-8-bom', decodeUtf8OrAnsi(bytes.subarray(3)).text, false);
  }
  if (b0 === 0x50 && b1 === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    return { kind: 'not-text', notText: 'xlsx' };
  }
  if (b0 === 0xd0 && b1 === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    return { kind: 'not-text', notText: 'xls' };
  }

  const bomless = guessBomlessUtf16(bytes);
  if (bomless) return utf16(bytes, bomless);
  // Binary files show a zero byte early; one further in is reported where it stands.
  if (bytes.subarray(0, 8192).indexOf(0) !== -1) return { kind: 'not-text', notText: 'binary' };

  const { text, encoding } = decodeUtf8OrAnsi(bytes);
  if (encoding === 'ascii') return { kind: 'text', encoding, text, isAnsi: true, isAsciiOnly: true };
  return withText(encoding, text, encoding === 'windows-1252');
}

function withText(encoding: EncodingId, text: string, isAnsi: boolean): DecodedFile {
  return { kind: 'text', encoding, text, isAnsi, isAsciiOnly: !NON_ASCII.test(text) };
}

function utf16(bytes: Uint8Array, encoding: 'utf-16le-bom' | 'utf-16le' | 'utf-16be-bom' | 'utf-16be'): DecodedFile {
  const decoder = encoding.startsWith('utf-16le') ? utf16le : utf16be;
  return withText(encoding, decoder.decode(bytes), false);
}

/**
 * Valid UTF-8 whose text is as long as its bytes is plain ASCII; valid UTF-8
 * with multi-byte characters is UTF-8; anything else is read as Windows-1252,
 * the ANSI code page Partner Center means.
 */
function decodeUtf8OrAnsi(bytes: Uint8Array): { text: string; encoding: 'ascii' | 'utf-8' | 'windows-1252' } {
  try {
    const text = utf8Fatal.decode(bytes);
    return { text, encoding: text.length === bytes.length ? 'ascii' : 'utf-8' };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
}

/**
 * UTF-16 without a byte order mark: in text made of ASCII characters every
 * other byte is zero. Looks at the first 1,024 bytes.
 */
function guessBomlessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 1024) & ~1;
  if (n < 4) return null;
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) zeroEven++;
    if (bytes[i + 1] === 0) zeroOdd++;
  }
  const pairs = n / 2;
  if (zeroOdd >= pairs * 0.6 && zeroEven <= pairs * 0.05) return 'utf-16le';
  if (zeroEven >= pairs * 0.6 && zeroOdd <= pairs * 0.05) return 'utf-16be';
  return null;
}

/** The first character that is not ASCII, with its 1-based line and column. */
export function firstNonAscii(text: string): { line: number; column: number; character: string } | null {
  const match = NON_ASCII.exec(text);
  if (!match) return null;
  const index = match.index;
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  const code = text.codePointAt(index) ?? 0;
  return { line, column: index - lineStart + 1, character: String.fromCodePoint(code) };
}

/** Converts a whole file to ANSI when that loses nothing; `null` otherwise. */
export function convertToAnsi(bytes: Uint8Array): Uint8Array | null {
  const decoded = decodeFile(bytes);
  if (decoded.kind !== 'text' || !decoded.isAsciiOnly) return null;
  return encodeAnsi(decoded.text);
}

/** Windows-1252 bytes for the characters of the 0x80–0xFF range, by character. */
const WINDOWS_1252_BYTES = (() => {
  const map = new Map<number, number>();
  for (let i = 0; i < 32; i++) map.set(WINDOWS_1252_HIGH.charCodeAt(i), 0x80 + i);
  for (let b = 0xa0; b <= 0xff; b++) map.set(b, b);
  return map;
})();

/**
 * ANSI (Windows-1252) bytes for a text; `null` when a character has no ANSI
 * byte. ASCII text always converts.
 */
export function encodeAnsi(text: string): Uint8Array | null {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const byte = code < 0x80 ? code : WINDOWS_1252_BYTES.get(code);
    if (byte === undefined) return null;
    out[i] = byte;
  }
  return out;
}
