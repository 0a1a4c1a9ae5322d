/**
 * The layers' fences (eslint.config.mjs) refuse a crossing: each case lints
 * a deliberate violation as if it were written in a real file of the
 * project, and expects the rule to name it.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function ruleIds(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('the layers’ fences', { timeout: 180_000 }, () => {
  it('keep the database out of pages, actions, API routes and lib/auth', async () => {
    for (const [file, source] of [
      ['app/(portal)/customers/page.tsx', "import { prisma } from '@/lib/db/client';\nexport const n = prisma;\n"],
      ['app/api/v1/customers/route.ts', "import { Prisma } from '@/lib/generated/prisma/client';\nexport const n = Prisma;\n"],
      ['app/(portal)/relationships/actions.ts', "import { PrismaClient } from '@prisma/client';\nexport const n = PrismaClient;\n"],
      ['lib/auth/actor.ts', "import { prisma } from '@/lib/db/client';\nexport const n = prisma;\n"],
      ['lib/api/route.ts', "import { prisma } from '@/lib/db/client';\nexport const n = prisma;\n"],
    ] as const) {
      expect(await ruleIds(file, source), file).toContain('no-restricted-imports');
    }
  });

  it('let the data and service layers reach the database', async () => {
    expect(await ruleIds('lib/data/devices.ts', "import { prisma } from '@/lib/db/client';\nexport const n = prisma;\n")).not.toContain('no-restricted-imports');
    expect(await ruleIds('lib/services/uploads.ts', "import { prisma } from '@/lib/db/client';\nexport const n = prisma;\n")).not.toContain('no-restricted-imports');
  });

  it('keep Auth.js inside lib/auth', async () => {
    expect(await ruleIds('app/(auth)/sign-in/actions.ts', "import { signIn } from '@/lib/auth/next-auth';\nexport const s = signIn;\n")).toContain('no-restricted-imports');
    expect(await ruleIds('lib/data/people.ts', "import { AuthError } from 'next-auth';\nexport const e = AuthError;\n")).toContain('no-restricted-imports');
    expect(await ruleIds('lib/auth/session.ts', "import { AuthError } from 'next-auth';\nexport const e = AuthError;\n")).not.toContain('no-restricted-imports');
  });

  it('keep the domain free of the app', async () => {
    for (const source of [
      "import { requireCustomerScope } from '@/lib/data/scope';\nexport const r = requireCustomerScope;\n",
      "import { cache } from 'react';\nexport const c = cache;\n",
      "import { AppError } from '@/lib/errors';\nexport const e = AppError;\n",
    ]) {
      expect(await ruleIds('lib/autopilot/validate.ts', source), source).toContain('no-restricted-imports');
    }
    expect(await ruleIds('lib/autopilot/validate.ts', "import { CATALOGUES } from '@/lib/autopilot/messages';\nexport const c = CATALOGUES;\n")).not.toContain(
      'no-restricted-imports',
    );
  });

  it('keep the relationship predicate in one place', async () => {
    const source =
      "import { prisma } from '@/lib/db/client';\nexport const n = () => prisma.relationship.count({ where: { partnerId: 'p', status: 'ACTIVE' } });\n";
    expect(await ruleIds('lib/data/customers.ts', source)).toContain('no-restricted-syntax');
  });

  it('check with types: a promise left floating is refused', async () => {
    const source = "import { registerDevices } from './registration';\nexport function f(): void {\n  registerDevices(null as never, null as never);\n}\n";
    expect(await ruleIds('lib/services/uploads.ts', source)).toContain('@typescript-eslint/no-floating-promises');
  });
});
