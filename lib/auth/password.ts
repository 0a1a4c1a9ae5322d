/**
 * Password hashes. New ones are scrypt, computed by Node's crypto on its
 * thread pool, so that checking a password does not hold up the other
 * requests the server is answering. The stored string carries its own
 * parameters and salt:
 *
 *   scrypt$N=16384,r=8,p=5$<salt, base64>$<hash, base64>
 *
 * N=2^14, r=8, p=5 is one of OWASP's equivalent minimum settings for scrypt
 * (16 MiB per check, about 150 ms of one core). Hashes made before, with
 * bcrypt, still verify; `needsRehash` says when to store a new one.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { availableParallelism } from 'node:os';
import bcrypt from 'bcryptjs';

interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

const CURRENT: ScryptParams = { N: 2 ** 14, r: 8, p: 5 };
const SALT_BYTES = 16;
const HASH_BYTES = 32;
/** Stored strings asking for more memory than this are refused rather than computed. */
const MAX_MEMORY = 256 * 1024 * 1024;

const BCRYPT = /^\$2[aby]\$\d{2}\$[./A-Za-z0-9]{53}$/;
const SCRYPT = /^scrypt\$N=(\d+),r=(\d+),p=(\d+)\$([A-Za-z0-9+/]+={0,2})\$([A-Za-z0-9+/]+={0,2})$/;

/** The memory OpenSSL needs for these parameters, which `maxmem` must allow. */
function memoryFor({ N, r, p }: ScryptParams): number {
  return 128 * r * (N + p + 2);
}

/**
 * How many hashes are computed at once: one core is always left to the
 * rest of the server (and the thread pool keeps threads for the crypto of
 * sessions and files), so that sign-ins arriving together queue among
 * themselves rather than slow every other request.
 */
const SLOTS = Math.max(1, availableParallelism() - 1);
let running = 0;
const waiting: Array<() => void> = [];

async function inSlot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= SLOTS) await new Promise<void>((resolve) => waiting.push(resolve));
  else running++;
  try {
    return await work();
  } finally {
    // Hand the slot straight to the next in line, or give it back.
    const next = waiting.shift();
    if (next) next();
    else running--;
  }
}

function derive(password: string, salt: Buffer, length: number, params: ScryptParams): Promise<Buffer> {
  const options: ScryptOptions = { ...params, maxmem: memoryFor(params) };
  return inSlot(
    () =>
      new Promise<Buffer>((resolve, reject) => {
        scrypt(password.normalize('NFC'), salt, length, options, (error, key) => (error ? reject(error) : resolve(key)));
      }),
  );
}

function parseScrypt(stored: string): { params: ScryptParams; salt: Buffer; hash: Buffer } | null {
  const match = SCRYPT.exec(stored);
  if (!match) return null;
  const [N, r, p] = [match[1], match[2], match[3]].map(Number) as [number, number, number];
  const salt = Buffer.from(match[4]!, 'base64');
  const hash = Buffer.from(match[5]!, 'base64');
  const powerOfTwo = N >= 2 && (N & (N - 1)) === 0;
  const sane = powerOfTwo && r >= 1 && r <= 32 && p >= 1 && p <= 16 && memoryFor({ N, r, p }) <= MAX_MEMORY;
  if (!sane || salt.length < SALT_BYTES || hash.length < 16 || hash.length > 64) return null;
  return { params: { N, r, p }, salt, hash };
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const hash = await derive(password, salt, HASH_BYTES, CURRENT);
  const { N, r, p } = CURRENT;
  return `scrypt$N=${N},r=${r},p=${p}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

/** Whether the password matches the stored hash (scrypt, or bcrypt from before). Anything unreadable does not match. */
export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  // An account with no password yet (invited, or single sign-on only) matches none.
  if (stored === null) return false;
  if (BCRYPT.test(stored)) return bcrypt.compare(password, stored);
  const parsed = parseScrypt(stored);
  if (!parsed) return false;
  const candidate = await derive(password, parsed.salt, parsed.hash.length, parsed.params);
  return timingSafeEqual(candidate, parsed.hash);
}

/** Whether a stored hash should be replaced by one made now: bcrypt, or scrypt weaker than today's. */
export function needsRehash(stored: string): boolean {
  const parsed = parseScrypt(stored);
  if (!parsed) return true;
  const { N, r, p } = parsed.params;
  const lessMemory = N * r < CURRENT.N * CURRENT.r;
  const lessWork = N * r * p < CURRENT.N * CURRENT.r * CURRENT.p;
  return lessMemory || lessWork || parsed.hash.length < HASH_BYTES;
}
