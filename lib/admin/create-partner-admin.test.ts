import { describe, expect, it } from 'vitest';
import { freshDatabase } from '@/test-support/database';

freshDatabase();
const { prisma } = await import('@/lib/db/client');
const { createPartnerAdmin } = await import('./create-partner-admin');
const { verifyPassword } = await import('@/lib/auth/password');

describe('creating the first partner admin', () => {
  it('creates the partner and its admin agent, with a hashed password and an audit record', async () => {
    const { partnerId, userId } = await createPartnerAdmin(prisma, {
      partner: 'Litware Partners',
      kind: 'OEM',
      email: ' Admin@Litware.example ',
      name: 'Lee',
      password: 'a-long-enough-password',
    });
    const user = await prisma.user.findUniqueOrThrow({ where: { id: userId } });
    expect(user).toMatchObject({ email: 'admin@litware.example', role: 'PARTNER_ADMIN', partnerId });
    expect(user.passwordHash).not.toContain('a-long-enough-password');
    expect(await verifyPassword('a-long-enough-password', user.passwordHash)).toBe(true);
    expect(await prisma.partner.findUniqueOrThrow({ where: { id: partnerId } })).toMatchObject({ name: 'Litware Partners', kind: 'OEM' });
    expect(await prisma.auditEvent.count({ where: { action: 'partner-admin.created', targetId: userId } })).toBe(1);
  });

  it('refuses a short password, a bad email, and an email already in use', async () => {
    const base = { partner: 'Xylo Partners', kind: 'CSP', email: 'x@x.example', name: 'X', password: 'long-enough-password' };
    await expect(createPartnerAdmin(prisma, { ...base, password: 'short' })).rejects.toThrow(/12 characters/);
    await expect(createPartnerAdmin(prisma, { ...base, email: 'not-an-email' })).rejects.toThrow();
    await expect(createPartnerAdmin(prisma, { ...base, email: 'admin@contoso-partner.example' })).rejects.toThrow(/already exists/);
  });
});
