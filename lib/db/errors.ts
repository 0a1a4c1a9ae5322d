import { Prisma } from '@/lib/generated/prisma/client';

/** A unique key refused a row: from a Prisma query (P2002) or a raw one, on any driver adapter. */
export function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  if (error.code === 'P2002') return true;
  const cause = (error.meta?.driverAdapterError as { cause?: { kind?: unknown } } | undefined)?.cause;
  return cause?.kind === 'UniqueConstraintViolation';
}

/**
 * The answers that mean "nothing can be written now", whatever the query.
 * SQLite: a full disk, a read-only file, I/O, a lock held too long.
 * PostgreSQL (SQLSTATE): a read-only server or transaction (25006), no room
 * (53xxx), a server shutting down or starting (57P01–57P03), a lost connection
 * (08xxx).
 */
const UNAVAILABLE = /^(SQLITE_(FULL|READONLY|IOERR|CANTOPEN|BUSY|LOCKED)|25006$|53\d{3}$|57P0[123]$|08\d{3}$)/;
const UNAVAILABLE_KINDS = new Set(['SocketTimeout', 'DatabaseNotReachable', 'ConnectionClosed', 'TooManyConnections']);

/**
 * The database refused to store anything for a reason of its own, not of
 * the request (full, read-only, failing, or locked too long): the caller
 * answers "unavailable, retry later" rather than a bug.
 */
export function isStorageUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
    if (typeof e !== 'object') return false;
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && UNAVAILABLE.test(code)) return true;
    const cause = (e as { meta?: { driverAdapterError?: { cause?: { originalCode?: unknown; kind?: unknown } } } }).meta?.driverAdapterError?.cause;
    if (cause && ((typeof cause.originalCode === 'string' && UNAVAILABLE.test(cause.originalCode)) || (typeof cause.kind === 'string' && UNAVAILABLE_KINDS.has(cause.kind)))) {
      return true;
    }
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}
