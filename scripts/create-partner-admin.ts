/**
 * npm run admin:create -- --partner "Contoso" --kind CSP --email admin@contoso.example --name "Ana"
 * The password is read from PARTNER_ADMIN_PASSWORD, or else from standard input.
 * The database (SQLite or PostgreSQL, as DATABASE_URL says) is migrated first.
 */
import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline/promises';
import { z } from 'zod';
import { createPartnerAdmin } from '@/lib/services/partner-admins';
import { prisma } from '@/lib/db/client';
import { migrate } from '@/lib/db/migrate';
import { databaseUrl } from '@/lib/db/url';

const { values } = parseArgs({
  options: { partner: { type: 'string' }, kind: { type: 'string', default: 'CSP' }, email: { type: 'string' }, name: { type: 'string' } },
});
let password = process.env.PARTNER_ADMIN_PASSWORD;
if (!password) {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  password = await rl.question('Password (at least 12 characters): ');
  rl.close();
}
try {
  await migrate(databaseUrl());
  const { userId } = await createPartnerAdmin(prisma, { ...values, password });
  console.log(`Created the partner admin ${values.email} (${userId}). They can sign in now.`);
} catch (error) {
  if (error instanceof z.ZodError) {
    console.error(`admin:create: ${error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; ')}`);
  } else {
    console.error(`admin:create: ${error instanceof Error ? error.message : String(error)}`);
  }
  process.exitCode = 2;
} finally {
  await prisma.$disconnect();
}
