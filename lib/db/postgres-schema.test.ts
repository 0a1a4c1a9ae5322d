import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { postgresSchema } from '@/scripts/db/postgres-schema.mjs';

describe('the PostgreSQL schema', () => {
  it('is the SQLite schema with its provider and client output changed, and nothing else', () => {
    const sqlite = readFileSync('prisma/schema.prisma', 'utf8');
    const committed = readFileSync('prisma/postgresql/schema.prisma', 'utf8');
    expect(committed).toBe(postgresSchema(sqlite));
    const differing = committed.split('\n').filter((line) => !sqlite.split('\n').includes(line));
    expect(differing).toEqual([expect.stringContaining('Generated from prisma/schema.prisma'), '  output   = "../../lib/generated/prisma-pg"', '  provider = "postgresql"']);
  });
});
