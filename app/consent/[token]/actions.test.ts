/**
 * The consent action called directly: only from the portal's own origin,
 * only by a customer administrator who ticked the box; once accepted, the
 * partner acts for the customer until the relationship is removed.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { freshDatabase } from '@/test-support/database';
import { agent, customer, customerAdmin, deviceFile, deviceList, partner, relationshipLink, type TestCustomer } from '@/test-support/factories';

/** What the request the action answers carries: who is signed in, and its Origin, Host and X-Forwarded-Host. */
interface RequestState {
  userId: string | null;
  origin: string | null;
  host: string;
  forwardedHost: string | null;
}
const request = vi.hoisted((): RequestState => ({ userId: null, origin: 'http://localhost:3000', host: 'localhost:3000', forwardedHost: null }));
vi.mock('@/lib/auth/session', () => ({ currentSession: async () => (request.userId ? { userId: request.userId, sessionVersion: 0 } : null) }));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));
vi.mock('next/headers', () => ({
  headers: async () =>
    new Headers({
      host: request.host,
      ...(request.origin ? { origin: request.origin } : {}),
      ...(request.forwardedHost ? { 'x-forwarded-host': request.forwardedHost } : {}),
    }),
  cookies: async () => ({ get: () => undefined }),
}));
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
const { decideConsentAction } = await import('./actions');
const { removeRelationshipAction } = await import('@/app/(portal)/customers/[customerId]/actions');
const { addDevicesAction } = await import('@/app/(portal)/customers/[customerId]/devices/actions');

beforeEach(() => {
  request.userId = null;
  request.origin = 'http://localhost:3000';
  request.host = 'localhost:3000';
  request.forwardedHost = null;
});

const signIn = (who: { userId: string } | null) => (request.userId = who?.userId ?? null);

function decide(token: string, decision: 'accept' | 'decline', agree = true) {
  const form = new FormData();
  form.set('token', token);
  form.set('decision', decision);
  if (agree) form.set('agree', 'yes');
  return decideConsentAction(null, form);
}

function addDevices(c: TestCustomer) {
  const form = new FormData();
  form.set('customerId', c.id);
  form.set('profile', 'standard');
  form.set('mode', 'standard');
  form.append('files', deviceFile(deviceList(1), 'a.csv'));
  return addDevicesAction(form);
}

/** A CSP and its link, and a customer with an administrator. */
async function offer() {
  const p = await partner();
  const c = await customer();
  return { partner: p, token: await relationshipLink(p), customer: c, admin: await customerAdmin(c) };
}

const relationships = (c: TestCustomer) => prisma.relationship.count({ where: { customerId: c.id } });

describe('giving consent, called directly', () => {
  it('is refused from another origin, or without one, and nothing changes', async () => {
    const { token, customer: c, admin } = await offer();
    signIn(admin);
    request.origin = 'https://evil.example';
    expect(await decide(token, 'accept')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', reason: 'foreign-origin' } });
    expect(await decide(token, 'decline')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', reason: 'foreign-origin' } });
    request.origin = 'not a url';
    expect(await decide(token, 'accept')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', reason: 'foreign-origin' } });
    request.origin = null;
    expect(await decide(token, 'accept')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', reason: 'foreign-origin' } });
    expect(await relationships(c)).toBe(0);
    expect(await prisma.auditEvent.count({ where: { customerId: c.id } })).toBe(0);
  });

  it('is taken from the address the proxy forwarded, when TRUST_PROXY says there is one', async () => {
    const { partner: p, token, admin } = await offer();
    signIn(admin);
    request.host = 'portal-internal:3000';
    request.forwardedHost = 'portal.example';
    request.origin = 'https://portal.example';
    vi.stubEnv('TRUST_PROXY', 'true');
    try {
      await expect(decide(token, 'accept')).rejects.toMatchObject({ url: `/partner-relationships?accepted=${encodeURIComponent(p.name)}` });
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('does not believe a forwarded host without a trusted proxy: a forged one is refused', async () => {
    const { token, customer: c, admin } = await offer();
    signIn(admin);
    request.host = 'localhost:3000';
    request.forwardedHost = 'evil.example';
    request.origin = 'https://evil.example';
    expect(await decide(token, 'accept')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', reason: 'foreign-origin' } });
    expect(await relationships(c)).toBe(0);
  });

  it('is refused to anyone but a customer administrator, and without the box ticked', async () => {
    const { partner: p, token, customer: c, admin } = await offer();
    expect(await decide(token, 'accept')).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    signIn(await agent(p, { role: 'PARTNER_SALES' }));
    expect(await decide(token, 'accept')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    signIn(admin);
    expect(await decide(token, 'accept', false)).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: ['agree'], reason: 'not-agreed' },
      values: { token, decision: 'accept', agree: '' },
    });
    expect(await relationships(c)).toBe(0);
  });

  it('answers a token that stands for nothing with its reason', async () => {
    const { admin } = await offer();
    signIn(admin);
    expect(await decide('A'.repeat(43), 'accept')).toMatchObject({ ok: false, error: { code: 'CONFLICT', reason: 'invalid' } });
  });

  it('declined, goes back to the partner list saying so, and gives the partner nothing', async () => {
    const { partner: p, token, customer: c, admin } = await offer();
    signIn(admin);
    // Declining needs no ticked box.
    await expect(decide(token, 'decline', false)).rejects.toMatchObject({ url: `/partner-relationships?declined=${encodeURIComponent(p.name)}` });
    expect(await relationships(c)).toBe(0);
    signIn(await agent(p));
    expect(await addDevices(c)).toEqual({ ok: false, error: { code: 'NO_RELATIONSHIP' } });
  });

  it('accepted, lets the partner add devices; removed by the partner’s admin, refuses them', async () => {
    const { partner: p, token, customer: c, admin } = await offer();
    const [ana, sam, stranger] = await Promise.all([agent(p), agent(p, { role: 'PARTNER_SALES' }), agent(await partner())]);

    signIn(ana);
    expect(await addDevices(c)).toEqual({ ok: false, error: { code: 'NO_RELATIONSHIP' } });
    signIn(admin);
    await expect(decide(token, 'accept')).rejects.toMatchObject({ url: `/partner-relationships?accepted=${encodeURIComponent(p.name)}` });
    signIn(ana);
    expect(await addDevices(c)).toMatchObject({ ok: true, data: { registered: 1 } });

    signIn(sam);
    expect(await removeRelationshipAction({ customerId: c.id })).toEqual({ ok: false, error: { code: 'FORBIDDEN' } });
    signIn(stranger);
    expect(await removeRelationshipAction({ customerId: c.id })).toEqual({ ok: false, error: { code: 'NO_RELATIONSHIP' } });
    signIn(ana);
    expect(await addDevices(c)).toMatchObject({ ok: true });
    expect(await removeRelationshipAction({ customerId: c.id })).toEqual({ ok: true, data: null });
    expect(await addDevices(c)).toEqual({ ok: false, error: { code: 'NO_RELATIONSHIP' } });
  });
});
