/**
 * The demo data, and only the demo data: `npm run db:seed` (run by
 * `npm run demo`). Idempotent: running it again changes nothing.
 * Every demo account's password is Autopilot-demo-1.
 */
import { fakeHash, seeded } from '@/test-data/generate';
import { createPrismaClient } from '@/lib/db/client';
import { migrate } from '@/lib/db/migrate';
import { databaseUrl } from '@/lib/db/url';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import type { AgentPrincipal } from '@/lib/auth/principal';
import { requireCustomerScope } from '@/lib/data/scope';
import { hashDigest } from '@/lib/services/device-keys';
import { makeFirstRelationshipLink } from '@/lib/services/partner-admins';
import { registerDevices } from '@/lib/services/registration';

export const DEMO_PASSWORD = 'Autopilot-demo-1';
const db = createPrismaClient();

const FURTHER_CUSTOMERS = [
  'Adatum Corporation', 'Alpine Ski House', 'A. Datum Travel', 'Bellows College', 'Best For You Organics', 'Blue Yonder Airlines',
  'City Power & Light', 'Coho Vineyard', 'Coho Winery', 'Consolidated Messenger', 'Contoso Pharmaceuticals', 'Datum Motors',
  'Fourth Coffee', 'Graphic Design Institute', 'Humongous Insurance', 'Liberty Delightful Sinful Bakery', 'Litware, Inc.',
  'Lucerne Publishing', 'Margie’s Travel', 'Munson’s Pickles and Preserves', 'Nod Publishers', 'Northwind Traders',
  'Proseware, Inc.', 'Relecloud', 'School of Fine Art', 'Southridge Video', 'Trey Research', 'VanArsdel, Ltd.',
  'Wide World Importers', 'Wingtip Toys', 'Woodgrove Pharmacy', 'Fabrikam Residences', 'Lamna Healthcare', 'Van Arsdel Foods',
  'Bellows Lodge', 'Alpine Outfitters', 'Contoso Suites', 'Northwind Health', 'Tailspin Air', 'Adventure Works Cycles',
  'Fabrikam Fiber', 'Margie’s Cruises', 'Trey Logistics', 'Proseware Labs', 'Relecloud Games',
];

async function upsertUser(email: string, name: string, role: 'PARTNER_ADMIN' | 'PARTNER_SALES' | 'CUSTOMER_ADMIN', passwordHash: string, org: { partnerId?: string; customerId?: string }) {
  const existing = await db.user.findUnique({ where: { email }, select: { id: true, passwordHash: true } });
  if (existing) {
    await db.user.updateMany({ where: { id: existing.id, emailVerifiedAt: null }, data: { emailVerifiedAt: new Date() } });
    return existing.id;
  }
  // Demo accounts are verified: the demo's journeys start from there.
  const user = await db.user.create({ data: { email, name, role, passwordHash, emailVerifiedAt: new Date(), ...org }, select: { id: true } });
  return user.id;
}

async function upsertCustomer(name: string, domain: string) {
  // The demo's organisations have their domains verified, as if by the portal's operator.
  const verified = { verifiedDomain: domain, domainVerifiedAt: new Date(), domainVerifiedBy: 'operator' };
  const c = await db.customer.upsert({ where: { verifiedDomain: domain }, create: { name, domain, ...verified }, update: {}, select: { id: true } });
  return c.id;
}

async function activeRelationship(partnerId: string, customerId: string, kind: 'RESELLER' | 'OEM', approvedById: string | null, approvedAt: Date) {
  await db.relationship.upsert({
    where: { partnerId_customerId_kind: { partnerId, customerId, kind } },
    create: { partnerId, customerId, kind, status: 'ACTIVE', approvedById, approvedAt },
    update: {},
  });
}

async function demoDevices(agent: AgentPrincipal, customerId: string, seed: number, count: number, groupTag: string) {
  const random = seeded(seed);
  const devices = Array.from({ length: count }, (_, i) => ({
    serialNumber: `${groupTag.includes('Kiosk') ? 'KSK' : '5CG'}${(seed * 1000 + i).toString().padStart(7, '0')}`,
    productKey: null,
    hardwareHash: fakeHash(random),
    manufacturer: null,
    model: null,
  }));
  const first = devices[0]!.hardwareHash;
  if (await db.device.findUnique({ where: { hashDigest: hashDigest(first) }, select: { id: true } })) return;
  const scope = await requireCustomerScope(agent, customerId, db);
  await registerDevices(scope, { groupTag, profile: null, mode: null, source: 'FILES', sourceDetail: 'demo-devices.csv', devices }, db);
}


async function main() {
  // The tables first, on whichever engine DATABASE_URL names (nothing, when they are there).
  await migrate(databaseUrl());
  const existing = await db.user.findUnique({ where: { email: 'admin@contoso-partner.example' }, select: { passwordHash: true } });
  const stored = existing?.passwordHash ?? null;
  const passwordHash = stored && (await verifyPassword(DEMO_PASSWORD, stored)) ? stored : await hashPassword(DEMO_PASSWORD);

  const contoso = await db.partner.upsert({ where: { id: 'demo-partner-contoso' }, create: { id: 'demo-partner-contoso', name: 'Contoso Partner', kind: 'CSP' }, update: {} });
  const northwind = await db.partner.upsert({ where: { id: 'demo-partner-northwind' }, create: { id: 'demo-partner-northwind', name: 'Northwind Devices', kind: 'OEM' }, update: {} });

  // Each partner's relationship link is made with the partner, as in production.
  await makeFirstRelationshipLink(db, contoso.id);
  await makeFirstRelationshipLink(db, northwind.id);
  const contosoAdmin = await upsertUser('admin@contoso-partner.example', 'Ana Contoso', 'PARTNER_ADMIN', passwordHash, { partnerId: contoso.id });
  await upsertUser('sales@contoso-partner.example', 'Sam Contoso', 'PARTNER_SALES', passwordHash, { partnerId: contoso.id });
  const northwindAdmin = await upsertUser('admin@northwind.example', 'Nora Northwind', 'PARTNER_ADMIN', passwordHash, { partnerId: northwind.id });

  const fabrikam = await upsertCustomer('Fabrikam, Inc.', 'fabrikam.example');
  const tailspin = await upsertCustomer('Tailspin Toys', 'tailspin.example');
  const woodgrove = await upsertCustomer('Woodgrove Bank', 'woodgrove.example');
  const fabrikamAdmin = await upsertUser('admin@fabrikam.example', 'Felix Fabrikam', 'CUSTOMER_ADMIN', passwordHash, { customerId: fabrikam });
  await upsertUser('admin@tailspin.example', 'Tess Tailspin', 'CUSTOMER_ADMIN', passwordHash, { customerId: tailspin });
  const woodgroveAdmin = await upsertUser('admin@woodgrove.example', 'Wanda Woodgrove', 'CUSTOMER_ADMIN', passwordHash, { customerId: woodgrove });

  await activeRelationship(contoso.id, fabrikam, 'RESELLER', fabrikamAdmin, new Date('2026-03-02T09:30:00Z'));
  await activeRelationship(northwind.id, woodgrove, 'OEM', woodgroveAdmin, new Date('2026-05-18T14:00:00Z'));

  for (const [i, name] of FURTHER_CUSTOMERS.entries()) {
    const domain = `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}.example`;
    const id = await upsertCustomer(name, domain);
    await activeRelationship(contoso.id, id, 'RESELLER', null, new Date(Date.UTC(2025, i % 12, 1 + (i % 27), 10)));
  }

  const agent = (userId: string, email: string, partner: { id: string; name: string; kind: 'CSP' | 'OEM' }): AgentPrincipal => ({
    type: 'agent', userId, email, name: email, role: 'PARTNER_ADMIN', partnerId: partner.id, partnerName: partner.name, partnerKind: partner.kind,
  });
  const ana = agent(contosoAdmin, 'admin@contoso-partner.example', contoso);
  await demoDevices(ana, fabrikam, 11, 4, 'Microsoft365Managed_Standard');
  await demoDevices(ana, fabrikam, 12, 2, 'Microsoft365Managed_Kiosk-Shared');
  await demoDevices(agent(northwindAdmin, 'admin@northwind.example', northwind), woodgrove, 21, 3, 'Microsoft365Managed_SensitiveData');
  console.log('Demo data ready. Every demo account’s password is', DEMO_PASSWORD);
}

main()
  .then(() => db.$disconnect())
  .catch(async (error) => {
    console.error(error);
    await db.$disconnect();
    process.exit(1);
  });
