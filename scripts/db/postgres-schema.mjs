// Writes prisma/postgresql/schema.prisma from prisma/schema.prisma: the same
// models for PostgreSQL, with their own generated client
// (lib/generated/prisma-pg) and their own migrations
// (prisma/postgresql/migrations). One source of the models; a test checks
// that the committed copy is what this writes.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export function postgresSchema(sqlite) {
  const out = sqlite
    .replace(/^(datasource db \{\s*\n\s*provider\s*=\s*)"sqlite"/m, '$1"postgresql"')
    .replace(/^(\s*output\s*=\s*)"\.\.\/lib\/generated\/prisma"/m, '$1"../../lib/generated/prisma-pg"');
  if (!out.includes('"postgresql"') || !out.includes('prisma-pg')) throw new Error('prisma/schema.prisma no longer has the datasource or output this script rewrites.');
  return `// Generated from prisma/schema.prisma by scripts/db/postgres-schema.mjs: edit that file, then run npm run db:generate.\n${out}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const target = join(root, 'prisma', 'postgresql', 'schema.prisma');
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, postgresSchema(readFileSync(join(root, 'prisma', 'schema.prisma'), 'utf8')));
}
