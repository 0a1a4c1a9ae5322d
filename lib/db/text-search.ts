/**
 * "Contains", as a person searching means it: whatever the case. SQLite's
 * LIKE already ignores the case of ASCII letters; PostgreSQL's does not, and
 * Prisma asks it to with `mode: 'insensitive'` (ILIKE), which SQLite's client
 * does not know. The one place the engines' search differs.
 */
import { databaseUrl, engineOf } from './url';

export function containsText(q: string): { contains: string } {
  return engineOf(databaseUrl()) === 'postgresql' ? ({ contains: q, mode: 'insensitive' } as { contains: string }) : { contains: q };
}
