/** The consent action called directly: only from the portal's own origin, only by a customer administrator. */
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { freshDatabase } from '@/test-support/database';

const request = vi.hoisted(() => ({ userId: null as string | null, origin: 'http://localhost:3000' as string | null }));
vi.mock('@/auth', () => ({ auth: async () => (request.userId ? { user: { id: request.userId } } : null), signIn: vi.fn(), signOut: vi.fn() }));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));
vi.mock('next/headers', () => ({
  headers: async () => new Headers({ host: 'localhost:3000', ...(request.origin ? { origin: request.origin } : {}) }),
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
const { getRelationshipLink } = await import('@/lib/data/relationships');
const { fakeDeviceList } = await import('@/test-data/generate');

const ids: Record<string, string> = {};
let token = '';
beforeAll(async () => {
  for (const u of await prisma.user.findMany({ select: { id: true, email: true } })) ids[u.email] = u.id;
  for (const c of await prisma.customer.findMany({ select: { id: true, domain: true } })) ids[c.domain] = c.id;
  const u = await prisma.user.findUniqueOrThrow({ where: { email: 'admin@contoso-partner.example' }, include: { partner: true } });
  token = (
    await getRelationshipLink({
      userId: u.id, email: u.email, name: u.name, role: 'PARTNER_ADMIN', partnerId: u.partner!.id, partnerName: u.partner!.name,
      partnerKind: u.partner!.kind, customerId: null, customerName: null,
    })
  ).token;
});
beforeEach(() => {
  request.userId = null;
  request.origin = 'http://localhost:3000';
});

function decide(decision: 'accept' | 'decline', agree = true) {
  const form = new FormData();
  form.set('token', token);
  form.set('decision', decision);
  if (agree) form.set('agree', 'yes');
  return decideConsentAction({ status: 'idle' }, form);
}

function addDevices() {
  const form = new FormData();
  form.set('customerId', ids['tailspin.example']!);
  form.set('profile', 'standard');
  form.set('mode', 'standard');
  form.append('files', new File([Buffer.from(fakeDeviceList({ devices: 1, seed: 9900 + Math.floor(Math.random() * 1000) }), 'latin1')], 'a.csv'));
  return addDevicesAction(form);
}

describe('giving consent, called directly', () => {
  it('is refused from another origin, or without one', async () => {
    request.userId = ids['admin@tailspin.example']!;
    request.origin = 'https://evil.example';
    expect(await decide('accept')).toEqual({ status: 'refused', reason: 'foreign-origin' });
    request.origin = null;
    expect(await decide('accept')).toEqual({ status: 'refused', reason: 'foreign-origin' });
  });

  it('is refused to anyone but a customer administrator, and without the box ticked', async () => {
    expect(await decide('accept')).toEqual({ status: 'refused', reason: 'not-signed-in' });
    request.userId = ids['sales@contoso-partner.example']!;
    expect(await decide('accept')).toEqual({ status: 'refused', reason: 'not-customer-admin' });
    request.userId = ids['admin@tailspin.example']!;
    expect(await decide('accept', false)).toEqual({ status: 'refused', reason: 'not-agreed' });
    expect(await prisma.relationship.count({ where: { customerId: ids['tailspin.example']! } })).toBe(0);
  });

  it('accepted, lets the partner add devices; removed by the partner, refuses them', async () => {
    request.userId = ids['admin@contoso-partner.example']!;
    expect(await addDevices()).toEqual({ status: 'refused', reason: 'not-found' });
    request.userId = ids['admin@tailspin.example']!;
    await expect(decide('accept')).rejects.toMatchObject({ url: '/partner-relationships?accepted=Contoso%20Partner' });
    request.userId = ids['admin@contoso-partner.example']!;
    expect(await addDevices()).toMatchObject({ status: 'done', registered: 1 });

    request.userId = ids['sales@contoso-partner.example']!;
    expect(await removeRelationshipAction(ids['tailspin.example']!)).toEqual({ status: 'refused', reason: 'forbidden' });
    request.userId = ids['admin@northwind.example']!;
    expect(await removeRelationshipAction(ids['tailspin.example']!)).toEqual({ status: 'refused', reason: 'not-found' });
    request.userId = ids['admin@contoso-partner.example']!;
    expect(await removeRelationshipAction(ids['tailspin.example']!)).toEqual({ status: 'removed' });
    expect(await addDevices()).toEqual({ status: 'refused', reason: 'not-found' });
  });
});
