/**
 * The one Prisma client of the process. Nothing else creates one.
 *
 * DATABASE_URL picks the engine: a `file:` URL opens the SQLite file through
 * two connections (sqlite-adapter.ts), a `postgresql://` URL a pool of
 * connections to PostgreSQL. Both clients are generated from the same models
 * (prisma/schema.prisma, and prisma/postgresql/schema.prisma written from
 * it), so they have the same API; the rest of the code knows one type.
 */
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { PrismaClient as PostgresPrismaClient } from '@/lib/generated/prisma-pg/client';
import { SqliteAdapter } from './sqlite-adapter';
import { databaseUrl, engineOf } from './url';

export function createPrismaClient(url = databaseUrl()): PrismaClient {
  if (engineOf(url) === 'postgresql') {
    const client = new PostgresPrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
    // The same models, generated for another provider: the same API, typed as SQLite's client.
    return client as unknown as PrismaClient;
  }
  return new PrismaClient({ adapter: new SqliteAdapter(url) });
}

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

export const prisma: PrismaClient = globalForPrisma.prisma ?? createPrismaClient();
if (process.env.NODE_ENV !== 'production') globalForPrisma.prisma = prisma;

export type { PrismaClient };
