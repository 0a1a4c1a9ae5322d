/**
 * The one Prisma client of the process. Nothing else creates one.
 */
import { PrismaClient } from '@/lib/generated/prisma/client';
import { SqliteAdapter } from './sqlite-adapter';
import { databaseUrl } from './url';

export function createPrismaClient(url = databaseUrl()): PrismaClient {
  return new PrismaClient({ adapter: new SqliteAdapter(url) });
}

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

export const prisma: PrismaClient = globalForPrisma.prisma ?? createPrismaClient();
if (process.env.NODE_ENV !== 'production') globalForPrisma.prisma = prisma;

export type { PrismaClient };
