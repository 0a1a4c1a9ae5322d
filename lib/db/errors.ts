import { Prisma } from '@/lib/generated/prisma/client';

/** A unique key refused a row: from a Prisma query (P2002) or a raw one, on any driver adapter. */
export function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  if (error.code === 'P2002') return true;
  const cause = (error.meta?.driverAdapterError as { cause?: { kind?: unknown } } | undefined)?.cause;
  return cause?.kind === 'UniqueConstraintViolation';
}
