/**
 * The hardware hash (OA3 "4K hash") as Get-WindowsAutoPilotInfo reads it from
 * the device: base64 text whose bytes begin with the letters `OA`, followed by
 * the length of the hash's own data (16 bits, little-endian). Every real one
 * seen is 4,000 characters (3,000 bytes, zero-padded).
 */

/** Get-WindowsAutoPilotInfo's length: 3,000 bytes, the data then zeros. A complete hash of another length is the same data with more or less padding. */
export const USUAL_HASH_CHARACTERS = 4000;

/** Fewer bytes than this cannot be a 4K hash (the older 128-byte hashes are not supported). */
export const HASH_MIN_BYTES = 256;

export type HashVerdict =
  | { ok: true }
  | { ok: false; reason: 'not-base64'; index: number; character: string }
  | { ok: false; reason: 'bad-padding'; index: number; detail: 'missing' | 'misplaced' | 'excess' | 'noncanonical' }
  | { ok: false; reason: 'truncated'; characters: number; decodedBytes: number; declaredBytes: number | null }
  | { ok: false; reason: 'too-short'; decodedBytes: number }
  | { ok: false; reason: 'unrecognised' };

const WELL_FORMED = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const NOT_ALPHABET = /[^A-Za-z0-9+/=]/;

const SEXTET = new Int8Array(128).fill(-1);
'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
  .split('')
  .forEach((c, i) => (SEXTET[c.charCodeAt(0)] = i));

/** Characters of base64 text that decodes to `HASH_MIN_BYTES`. */
const HASH_MIN_CHARS = Math.ceil(HASH_MIN_BYTES / 3) * 4;

/** Checks one hash; `index` in a verdict is 0-based within the hash. */
export function checkHardwareHash(hash: string): HashVerdict {
  const n = hash.length;
  if (n % 4 === 0 && n >= HASH_MIN_CHARS) {
    // The platform's base64 decoder is many times faster than any check
    // written here. It forgives spaces and missing padding, which shows as a
    // decoded length other than the one the text's length calls for.
    const padding = hash.charCodeAt(n - 1) !== 61 ? 0 : hash.charCodeAt(n - 2) !== 61 ? 1 : 2;
    const decoded = decodeBase64(hash);
    if (decoded !== null && decoded.length === (n / 4) * 3 - padding) {
      return checkDecoded(hash, padding, [0, 1, 2, 3].map((i) => decoded.charCodeAt(i)), decoded.length);
    }
  }
  if (!WELL_FORMED.test(hash)) return malformed(hash);

  const padding = hash.endsWith('==') ? 2 : hash.endsWith('=') ? 1 : 0;
  const decodedBytes = (hash.length / 4) * 3 - padding;
  return checkDecoded(hash, padding, decodeHead(hash), decodedBytes);
}

/** The checks on a hash known to be well-formed base64, given its first four bytes. */
function checkDecoded(hash: string, padding: number, head: number[], decodedBytes: number): HashVerdict {
  if (padding > 0 && !hasZeroTailBits(hash, padding)) {
    return { ok: false, reason: 'bad-padding', index: hash.length - padding - 1, detail: 'noncanonical' };
  }
  if (decodedBytes < HASH_MIN_BYTES) return { ok: false, reason: 'too-short', decodedBytes };
  if (head[0] !== 0x4f || head[1] !== 0x41) return { ok: false, reason: 'unrecognised' };
  const declaredBytes = head[2]! | (head[3]! << 8);
  if (declaredBytes > decodedBytes) {
    return { ok: false, reason: 'truncated', characters: hash.length, decodedBytes, declaredBytes };
  }
  return { ok: true };
}

function decodeBase64(text: string): string | null {
  try {
    return atob(text);
  } catch {
    return null;
  }
}

/** Why a hash is not well-formed base64: the first fault, in reading order. */
function malformed(hash: string): HashVerdict {
  const bad = NOT_ALPHABET.exec(hash);
  if (bad) {
    const code = hash.codePointAt(bad.index) ?? 0;
    return { ok: false, reason: 'not-base64', index: bad.index, character: String.fromCodePoint(code) };
  }
  const firstPad = hash.indexOf('=');
  const body = firstPad === -1 ? hash.length : firstPad;
  if (firstPad !== -1 && /[^=]/.test(hash.slice(firstPad))) {
    return { ok: false, reason: 'bad-padding', index: firstPad, detail: 'misplaced' };
  }
  const decodable = Math.floor(body / 4) * 3 + Math.max(0, (body % 4) - 1);
  if (decodable < HASH_MIN_BYTES) return { ok: false, reason: 'too-short', decodedBytes: decodable };
  // Text that stops inside a group of four without padding was cut off.
  if (firstPad === -1 || body % 4 === 1) return truncatedBody(hash, body, decodable);
  const needed = body % 4 === 0 ? 0 : 4 - (body % 4);
  const found = hash.length - firstPad;
  return {
    ok: false,
    reason: 'bad-padding',
    index: found < needed ? hash.length : firstPad + needed,
    detail: found < needed ? 'missing' : 'excess',
  };
}

/** Base64 text that ends part-way through a group of four characters: the hash was cut. */
function truncatedBody(hash: string, body: number, decodedBytes: number): HashVerdict {
  let declaredBytes: number | null = null;
  if (body >= 8) {
    const head = decodeHead(hash);
    if (head[0] === 0x4f && head[1] === 0x41) declaredBytes = head[2]! | (head[3]! << 8);
  }
  return { ok: false, reason: 'truncated', characters: hash.length, decodedBytes, declaredBytes };
}

/** The first six bytes of a hash whose first eight characters are base64. */
function decodeHead(hash: string): number[] {
  const s = [0, 1, 2, 3, 4, 5, 6, 7].map((i) => SEXTET[hash.charCodeAt(i)] ?? 0);
  return [
    (s[0]! << 2) | (s[1]! >> 4),
    ((s[1]! & 15) << 4) | (s[2]! >> 2),
    ((s[2]! & 3) << 6) | s[3]!,
    (s[4]! << 2) | (s[5]! >> 4),
    ((s[5]! & 15) << 4) | (s[6]! >> 2),
    ((s[6]! & 3) << 6) | s[7]!,
  ];
}

/** In canonical base64 the bits that padding leaves unused are zero. */
function hasZeroTailBits(hash: string, padding: number): boolean {
  const last = SEXTET[hash.charCodeAt(hash.length - padding - 1)] ?? 0;
  return padding === 2 ? (last & 15) === 0 : (last & 3) === 0;
}
