import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';
import tseslint from 'typescript-eslint';

/**
 * The layers' fences. Each door (pages, server actions, API routes) goes
 * through lib/services and lib/data; only those touch the database. Only
 * lib/auth touches Auth.js. The domain (lib/autopilot) imports nothing of
 * the app. scripts/lint-fences.test.ts proves each fence refuses a crossing.
 */
const PRISMA = {
  group: ['@/lib/db/client', '@/lib/generated/*', '@/lib/generated/**', '@prisma/*', '**/generated/prisma/**'],
  message: 'The database is reached only through lib/data and lib/services.',
};
const AUTH_JS = {
  group: ['next-auth', 'next-auth/*', '@auth/*', '@/lib/auth/next-auth', '@/auth'],
  message: 'Auth.js is used only inside lib/auth: call lib/auth/session.ts or lib/auth/actor.ts.',
};
const APP = {
  regex: '^(@/(?!lib/autopilot(/|$))|next(/|$)|react(-dom)?(/|$)|server-only$|zod$|@prisma/)',
  message: 'lib/autopilot is the pure domain: it imports nothing of the app.',
};
const restricted = (...patterns) => ['error', { patterns }];
/** "Active relationship" is written once, in lib/data/scope.ts (activeRelationshipWhere): a query spreads it in. */
const ONE_PREDICATE = [
  'error',
  {
    selector: "Property[key.name='where'] Property[key.name='status'][value.value='ACTIVE']",
    message: 'Spread activeRelationshipWhere(…) from lib/data/scope.ts: the relationship predicate is written once.',
  },
];

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    files: ['**/*.ts', '**/*.tsx'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/ban-ts-comment': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      // Server actions and route handlers are async by contract even when they do not await.
      '@typescript-eslint/require-await': 'off',
      'no-console': ['error', { allow: ['warn', 'error'] }],
      'no-restricted-imports': restricted(PRISMA, AUTH_JS),
      'no-restricted-syntax': ONE_PREDICATE,
    },
  },
  {
    // The data and service layers, the database's own code and the tools that build and fill it.
    files: ['lib/data/**', 'lib/services/**', 'lib/db/**', 'scripts/**', 'prisma/**', 'test-support/**', '**/*.test.ts'],
    rules: { 'no-restricted-imports': restricted(AUTH_JS) },
  },
  {
    // A test checks what is stored with its own query, not with the predicate it tests.
    files: ['**/*.test.ts', 'test-support/**', 'e2e/**'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['lib/auth/**'],
    rules: { 'no-restricted-imports': restricted(PRISMA) },
  },
  {
    files: ['lib/autopilot/**'],
    ignores: ['lib/autopilot/**/*.test.ts'],
    rules: { 'no-restricted-imports': restricted(PRISMA, AUTH_JS, APP) },
  },
  {
    // The rules of domains and organisation names are pure as well: the UI, the services and the CLI share them.
    files: ['lib/domains/rules.ts'],
    rules: { 'no-restricted-imports': restricted(PRISMA, AUTH_JS, { ...APP, message: 'lib/domains/rules.ts is pure: it imports nothing of the app.' }) },
  },
  {
    // Auth.js's own type declarations are extended here.
    files: ['types/next-auth.d.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // The browser suite reads JSON bodies as Playwright gives them (untyped); each is
    // validated against the OpenAPI document before its fields are used.
    files: ['e2e/**'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    // The command-line tools talk to their user on standard output.
    files: ['scripts/**/*.ts', 'prisma/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  globalIgnores(['.next/**', 'out/**', 'node_modules/**', 'next-env.d.ts', 'coverage/**', 'lib/generated/**']),
]);
