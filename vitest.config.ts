import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const INCLUDE = ['lib/**/*.test.ts', 'app/**/*.test.ts', 'i18n/**/*.test.ts', 'scripts/**/*.test.ts'];

/** The test files that open a database (test-support/database.ts): they run on PostgreSQL as well. */
function databaseTests(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.test.ts') && readFileSync(path, 'utf8').includes('freshDatabase()')) found.push(path);
    }
  };
  for (const dir of ['lib', 'app', 'scripts']) walk(dir);
  return found;
}

const shared = {
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('.', import.meta.url)),
      'server-only': fileURLToPath(new URL('./test-support/empty.ts', import.meta.url)),
    },
  },
};

export default defineConfig({
  ...shared,
  test: {
    testTimeout: 20_000,
    hookTimeout: 60_000,
    environment: 'node',
    projects: [
      { ...shared, test: { name: 'sqlite', include: INCLUDE, environment: 'node' } },
      {
        ...shared,
        test: {
          name: 'postgresql',
          include: databaseTests(),
          environment: 'node',
          env: { TEST_DATABASE: 'postgresql' },
          globalSetup: ['test-support/postgres-global.ts'],
        },
      },
    ],
  },
});
