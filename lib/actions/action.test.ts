/**
 * The door of every server action, tried with actions made for the test:
 * who is asking, then what they may do, then the input, then (for a
 * customer) the relationship; every refusal in the one result shape, and a
 * bug thrown rather than dressed up as a refusal.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { freshDatabase } from '@/test-support/database';
import { agent, customer, customerAdmin, partner, relationship } from '@/test-support/factories';

const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock('@/lib/auth/session', () => ({ currentSession: async () => (session.userId ? { userId: session.userId, sessionVersion: 0 } : null) }));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));
vi.mock('next/headers', () => ({ headers: async () => new Headers(), cookies: async () => ({ get: () => undefined }) }));
vi.mock('next/navigation', () => ({
  redirect: (url: string) => {
    throw Object.assign(new Error('NEXT_REDIRECT'), { url });
  },
  notFound: () => {
    throw new Error('NEXT_NOT_FOUND');
  },
}));

freshDatabase();
const { prisma } = await import('@/lib/db/client');
const { agentAction, agentFormAction, customerAction, customerAdminAction, customerAdminFormAction, publicFormAction } = await import('./action');
const { AppError } = await import('@/lib/errors');

beforeEach(() => {
  session.userId = null;
});

const signIn = (who: { userId: string } | null) => (session.userId = who?.userId ?? null);

/** An admin-only agent action that says who ran it, and with what. */
function deleting() {
  const run = vi.fn(async (input: { deviceId: string; count: number }, principal: { userId: string }) => ({ ...input, by: principal.userId }));
  const action = agentAction({ input: z.object({ deviceId: z.string().min(1), count: z.number().int() }), permission: 'devices:delete', run });
  return { run, action };
}

function form(fields: Record<string, string | string[]>): FormData {
  const f = new FormData();
  for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) f.append(name, v);
  return f;
}

describe('an agent action', () => {
  it('refuses anyone not signed in, and a session whose user no longer exists, before running anything', async () => {
    const { run, action } = deleting();
    expect(await action({ deviceId: 'd', count: 1 })).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    const gone = await agent(await partner());
    await prisma.user.delete({ where: { id: gone.userId } });
    signIn(gone);
    expect(await action({ deviceId: 'd', count: 1 })).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(run).not.toHaveBeenCalled();
  });

  it('refuses a customer administrator', async () => {
    const { run, action } = deleting();
    signIn(await customerAdmin(await customer()));
    expect(await action({ deviceId: 'd', count: 1 })).toEqual({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(run).not.toHaveBeenCalled();
  });

  it('refuses an agent without the permission before looking at the input', async () => {
    const { run, action } = deleting();
    signIn(await agent(await partner(), { role: 'PARTNER_SALES' }));
    expect(await action({ deviceId: 'd', count: 1 })).toEqual({ ok: false, error: { code: 'FORBIDDEN' } });
    // Bad input from someone who may not act is not worth describing to them.
    expect(await action({ deviceId: '', count: 'x' })).toEqual({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(run).not.toHaveBeenCalled();
  });

  it('refuses input that does not match its schema, naming each refused field once', async () => {
    const { run, action } = deleting();
    signIn(await agent(await partner()));
    expect(await action({ deviceId: '', count: 1.5 })).toEqual({ ok: false, error: { code: 'INVALID_INPUT', fields: ['deviceId', 'count'] } });
    expect(await action(null)).toEqual({ ok: false, error: { code: 'INVALID_INPUT', fields: [] } });
    expect(run).not.toHaveBeenCalled();
  });

  it('runs with the parsed input and the signed-in agent, read from the database', async () => {
    const { run, action } = deleting();
    const ana = await agent(await partner());
    signIn(ana);
    expect(await action({ deviceId: 'd1', count: 2, extra: 'dropped' })).toEqual({ ok: true, data: { deviceId: 'd1', count: 2, by: ana.userId } });
    expect(run).toHaveBeenCalledWith({ deviceId: 'd1', count: 2 }, ana);
  });

  it('answers a service’s expected failure in the result shape, with its reason', async () => {
    const action = agentAction({
      input: z.object({}),
      permission: 'devices:read',
      run: async () => {
        throw new AppError('CONFLICT', 'used', { reason: 'used' });
      },
    });
    signIn(await agent(await partner(), { role: 'PARTNER_SALES' }));
    expect(await action({})).toEqual({ ok: false, error: { code: 'CONFLICT', reason: 'used' } });
  });

  it('lets a bug through, rather than calling it a refusal', async () => {
    const bug = new TypeError('cannot read properties of undefined');
    const action = agentAction({
      input: z.object({}),
      permission: 'devices:read',
      run: async () => {
        throw bug;
      },
    });
    signIn(await agent(await partner()));
    await expect(action({})).rejects.toBe(bug);
  });
});

describe('a customer action', () => {
  const listing = () => {
    const run = vi.fn(async (_input: { customerId: string }, scope: { customerId: string; relationshipId: string }) => ({
      customerId: scope.customerId,
      relationshipId: scope.relationshipId,
    }));
    return { run, action: customerAction({ input: z.object({ customerId: z.string().min(1).max(64) }), permission: 'devices:read', run }) };
  };

  it('runs under the scope of a customer with an active relationship', async () => {
    const { action } = listing();
    const p = await partner();
    const c = await customer();
    const link = await relationship(p, c);
    signIn(await agent(p, { role: 'PARTNER_SALES' }));
    expect(await action({ customerId: c.id })).toEqual({ ok: true, data: { customerId: c.id, relationshipId: link.id } });
  });

  it('refuses, in one way, a customer with no relationship, a removed one, another partner’s, and none at all', async () => {
    const { run, action } = listing();
    const p = await partner();
    const [never, removed, theirs] = await Promise.all([customer(), customer(), customer()]);
    await relationship(p, removed, { status: 'REMOVED' });
    await relationship(await partner(), theirs);
    signIn(await agent(p));
    for (const customerId of [never.id, removed.id, theirs.id, 'no-such-customer']) {
      expect(await action({ customerId })).toEqual({ ok: false, error: { code: 'NO_RELATIONSHIP' } });
    }
    expect(run).not.toHaveBeenCalled();
  });

  it('checks who is asking and the input before the relationship', async () => {
    const { action } = listing();
    expect(await action({ customerId: 'anything' })).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    signIn(await agent(await partner()));
    expect(await action({ customerId: 'x'.repeat(65) })).toEqual({ ok: false, error: { code: 'INVALID_INPUT', fields: ['customerId'] } });
  });
});

describe('a customer administrator’s action', () => {
  const removing = () => {
    const run = vi.fn(async (input: { relationshipId: string }, admin: { customerId: string }) => ({ ...input, customerId: admin.customerId }));
    return { run, action: customerAdminAction({ input: z.object({ relationshipId: z.string().min(1) }), run }) };
  };

  it('refuses anyone not signed in and any partner’s agent', async () => {
    const { run, action } = removing();
    expect(await action({ relationshipId: 'r' })).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    signIn(await agent(await partner()));
    expect(await action({ relationshipId: 'r' })).toEqual({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(run).not.toHaveBeenCalled();
  });

  it('runs for the administrator, with their own customer', async () => {
    const { action } = removing();
    const c = await customer();
    signIn(await customerAdmin(c));
    expect(await action({ relationshipId: 'r' })).toEqual({ ok: true, data: { relationshipId: 'r', customerId: c.id } });
    expect(await action({ relationshipId: '' })).toEqual({ ok: false, error: { code: 'INVALID_INPUT', fields: ['relationshipId'] } });
  });
});

describe('form actions', () => {
  it('give back what was typed in the named fields when refused, and nothing else', async () => {
    const invite = agentFormAction({
      fields: ['organisationName', 'adminEmail'],
      input: z.object({ organisationName: z.string().min(2), adminEmail: z.email() }),
      permission: 'relationships:invite',
      run: async (input) => input.organisationName,
    });
    const typed = form({ organisationName: 'Tailspin', adminEmail: 'not-an-email', hidden: 'secret' });
    expect(await invite(null, typed)).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED' }, values: { organisationName: 'Tailspin', adminEmail: 'not-an-email' } });
    signIn(await agent(await partner()));
    expect(await invite(null, typed)).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: ['adminEmail'] },
      values: { organisationName: 'Tailspin', adminEmail: 'not-an-email' },
    });
    expect(await invite(null, form({ organisationName: 'Tailspin', adminEmail: 'a@t.example' }))).toEqual({ ok: true, data: 'Tailspin' });
  });

  it('read several values of one name through `more`', async () => {
    const keys = agentFormAction({
      fields: ['name'],
      more: (f) => ({ scopes: f.getAll('scopes') }),
      input: z.object({ name: z.string().min(1), scopes: z.array(z.enum(['read', 'write'])).min(1) }),
      permission: 'api-keys:manage',
      run: async (input) => input.scopes,
    });
    signIn(await agent(await partner()));
    expect(await keys(null, form({ name: 'ci', scopes: ['read', 'write'] }))).toEqual({ ok: true, data: ['read', 'write'] });
    expect(await keys(null, form({ name: 'ci', scopes: ['admin'] }))).toEqual({ ok: false, error: { code: 'INVALID_INPUT', fields: ['scopes'] }, values: { name: 'ci' } });
  });

  it('never give a password back', async () => {
    const signUp = publicFormAction({
      fields: ['email'],
      secretFields: ['password'],
      input: z.object({ email: z.email(), password: z.string().min(12) }),
      run: async ({ email }) => email,
    });
    expect(await signUp(null, form({ email: 'a@b.example', password: 'short' }))).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: ['password'] },
      values: { email: 'a@b.example' },
    });
    expect(await signUp(null, form({ email: 'a@b.example', password: 'long-enough-password' }))).toEqual({ ok: true, data: 'a@b.example' });
  });

  it('of a customer administrator refuse an agent and give back what was typed', async () => {
    const decide = customerAdminFormAction({ fields: ['decision'], input: z.object({ decision: z.enum(['accept', 'decline']) }), run: async (i) => i.decision });
    signIn(await agent(await partner()));
    expect(await decide(null, form({ decision: 'accept' }))).toEqual({ ok: false, error: { code: 'FORBIDDEN' }, values: { decision: 'accept' } });
    signIn(await customerAdmin(await customer()));
    expect(await decide(null, form({ decision: 'maybe' }))).toEqual({ ok: false, error: { code: 'INVALID_INPUT', fields: ['decision'] }, values: { decision: 'maybe' } });
    expect(await decide(null, form({ decision: 'decline' }))).toEqual({ ok: true, data: 'decline' });
  });
});
