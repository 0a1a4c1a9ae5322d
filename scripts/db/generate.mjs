// Generates the Prisma clients without reaching for Prisma's binary host:
// `prisma generate` only checks that a schema engine file exists, and never
// runs it, so any existing file serves (here, Node itself). Two clients from
// one source of the models: SQLite's (lib/generated/prisma) and
// PostgreSQL's (lib/generated/prisma-pg), whose schema is written from
// SQLite's first (scripts/db/postgres-schema.mjs).
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const cli = require.resolve('prisma/build/index.js');
execFileSync(process.execPath, [new URL('./postgres-schema.mjs', import.meta.url).pathname], { stdio: 'inherit' });
for (const schema of ['prisma/schema.prisma', 'prisma/postgresql/schema.prisma']) {
  execFileSync(process.execPath, [cli, 'generate', '--schema', schema], {
    stdio: 'inherit',
    env: {
      ...process.env,
      PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY || process.execPath,
      PRISMA_HIDE_UPDATE_MESSAGE: '1',
      CHECKPOINT_DISABLE: '1',
    },
  });
}
