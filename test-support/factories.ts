/**
 * Factories for database tests: each creates exactly what a test asks for,
 * with unique names, emails and domains, so that tests never collide and run
 * in any order. Call freshDatabase() (test-support/database.ts) first: the
 * database client is imported only when a factory first runs.
 *
 *   const p = await partner();                      // a CSP
 *   const ana = await agent(p);                     // its admin agent (an AgentPrincipal)
 *   const c = await customer();
 *   const admin = await customerAdmin(c);           // a CustomerAdmin
 *   await relationship(p, c);                       // ACTIVE, RESELLER for a CSP, OEM for an OEM
 *   const { key, principal } = await apiKey(p, { scopes: ['read'] });
 *   const list = deviceList(3);                     // { text, devices } of three valid devices
 */
import { randomUUID } from 'node:crypto';
import { newApiKey } from '@/lib/auth/api-keys';
import { formatScopes, relationshipKindFor, API_SCOPES, type ApiScope, type PartnerKind, type PartnerRole, type RelationshipKind } from '@/lib/auth/permissions';
import type { AgentPrincipal, ApiKeyPrincipal, Principal } from '@/lib/auth/principal';
import type { DeviceIdentifiers } from '@/lib/autopilot';
import type { CustomerAdmin } from '@/lib/data/people';
import type { CustomerScope } from '@/lib/data/scope';
import { fakeDeviceList } from '@/test-data/generate';

/** The password of every user a factory makes; FACTORY_PASSWORD_HASH is its scrypt hash, computed once (hashing is slow). */
export const FACTORY_PASSWORD = 'Factory-password-1';
export const FACTORY_PASSWORD_HASH = 'scrypt$N=16384,r=8,p=5$EYxj7ALAiCPvkKu4DUmjLQ==$6OF0THke++SvRarXdvSASQJMSYCyfcoiuYjD+qSp/uw=';

export interface TestPartner {
  id: string;
  name: string;
  kind: PartnerKind;
}

export interface TestCustomer {
  id: string;
  name: string;
  domain: string;
}

export interface TestRelationship {
  id: string;
  partnerId: string;
  customerId: string;
  kind: RelationshipKind;
  status: 'ACTIVE' | 'REMOVED';
}

export interface TestApiKey {
  /** The key itself, as a client sends it: `Authorization: Bearer ${key}`. */
  key: string;
  principal: ApiKeyPrincipal;
}

export interface DeviceList {
  /** The list as a file's text (header, then serial number and hash on each line, CRLF). */
  text: string;
  /** The same devices, as the API and the registration service take them. */
  devices: DeviceIdentifiers[];
}

// Unique within the process (the counter) and across processes sharing nothing but names (the run id).
const run = randomUUID().slice(0, 8);
let counter = 0;
function unique(label: string): string {
  counter += 1;
  return `${label}-${run}-${counter}`;
}

async function db() {
  return (await import('@/lib/db/client')).prisma;
}

/** A partner organisation: a CSP unless `kind` says OEM. It has no relationship link until `relationshipLink` makes one. */
export async function partner(options: { kind?: PartnerKind; name?: string } = {}): Promise<TestPartner> {
  const prisma = await db();
  return prisma.partner.create({
    data: { name: options.name ?? `Partner ${unique('p')}`, kind: options.kind ?? 'CSP' },
    select: { id: true, name: true, kind: true },
  });
}

/** An agent of the partner (an admin unless `role` says sales), backed by a real User row. */
export async function agent(of: TestPartner, options: { role?: PartnerRole; email?: string; name?: string } = {}): Promise<AgentPrincipal> {
  const prisma = await db();
  const role = options.role ?? 'PARTNER_ADMIN';
  const email = options.email ?? `${unique(role === 'PARTNER_ADMIN' ? 'admin' : 'sales')}@partner.example`;
  const name = options.name ?? `Agent ${email}`;
  const user = await prisma.user.create({ data: { email, name, role, passwordHash: FACTORY_PASSWORD_HASH, partnerId: of.id, emailVerifiedAt: new Date() }, select: { id: true } });
  return { type: 'agent', userId: user.id, email, name, role, partnerId: of.id, partnerName: of.name, partnerKind: of.kind };
}

/** A customer organisation, with a unique domain. */
export async function customer(options: { name?: string } = {}): Promise<TestCustomer> {
  const prisma = await db();
  const id = unique('c');
  return prisma.customer.create({ data: { name: options.name ?? `Customer ${id}`, domain: `${id}.example` }, select: { id: true, name: true, domain: true } });
}

/** An administrator of the customer, backed by a real User row; their email verified unless `unverified`. */
export async function customerAdmin(of: TestCustomer, options: { email?: string; name?: string; unverified?: boolean } = {}): Promise<CustomerAdmin> {
  const prisma = await db();
  const email = options.email ?? `${unique('admin')}@${of.domain}`;
  const name = options.name ?? `Admin ${email}`;
  const user = await prisma.user.create({
    data: { email, name, role: 'CUSTOMER_ADMIN', passwordHash: FACTORY_PASSWORD_HASH, customerId: of.id, emailVerifiedAt: options.unverified ? null : new Date() },
    select: { id: true },
  });
  return { type: 'customer-admin', userId: user.id, email, name, customerId: of.id, customerName: of.name, emailVerified: !options.unverified };
}

/**
 * The relationship row of the partner and the customer: ACTIVE unless
 * `status` says REMOVED; of the partner's kind (RESELLER for a CSP, OEM for
 * an OEM) unless `kind` says otherwise.
 */
export async function relationship(
  of: TestPartner,
  withCustomer: TestCustomer,
  options: { kind?: RelationshipKind; status?: 'ACTIVE' | 'REMOVED'; approvedBy?: CustomerAdmin } = {},
): Promise<TestRelationship> {
  const prisma = await db();
  const kind = options.kind ?? relationshipKindFor(of.kind);
  const status = options.status ?? 'ACTIVE';
  return prisma.relationship.create({
    data: { partnerId: of.id, customerId: withCustomer.id, kind, status, approvedById: options.approvedBy?.userId ?? null, approvedAt: new Date() },
    select: { id: true, partnerId: true, customerId: true, kind: true, status: true },
  });
}

/** An API key of the partner (every scope unless narrowed), stored as lib/data/api-keys.ts stores one: only its hash. */
export async function apiKey(of: TestPartner, options: { scopes?: ApiScope[]; name?: string; revoked?: boolean } = {}): Promise<TestApiKey> {
  const prisma = await db();
  const { key, prefix, hash } = newApiKey();
  const scopes = options.scopes ?? [...API_SCOPES];
  const name = options.name ?? unique('key');
  const row = await prisma.apiKey.create({
    data: { partnerId: of.id, name, prefix, keyHash: hash, scopes: formatScopes(scopes), revokedAt: options.revoked ? new Date() : null },
    select: { id: true },
  });
  return {
    key,
    principal: { type: 'api-key', keyId: row.id, keyName: name, scopes: [...scopes], partnerId: of.id, partnerName: of.name, partnerKind: of.kind },
  };
}

/** The partner's relationship link, made as production makes it (lib/services/partner-admins.ts): returns the token a customer opens. */
export async function relationshipLink(of: TestPartner): Promise<string> {
  const prisma = await db();
  const { authSecret } = await import('@/lib/auth/secret');
  const { newLinkToken } = await import('@/lib/consent/tokens');
  const link = newLinkToken(authSecret(), of.id);
  await prisma.partner.update({ where: { id: of.id }, data: { linkNonce: link.nonce, linkTokenHash: link.hash, linkCreatedAt: new Date() } });
  return link.token;
}

/** The principal's scope for the customer, read from the database (AppError NO_RELATIONSHIP without an active relationship). */
export async function customerScope(principal: Principal, of: TestCustomer | { id: string }): Promise<CustomerScope> {
  const prisma = await db();
  const { requireCustomerScope } = await import('@/lib/data/scope');
  return requireCustomerScope(principal, of.id, prisma);
}

let seeds = 0;
const seedBase = Math.floor(Math.random() * 1_000_000) * 1000;

/**
 * `n` valid devices (serial number and a realistic 4K hash each), as a
 * file's text and as identifiers. The same seed gives the same devices;
 * without one, every call gives new devices.
 */
export function deviceList(n: number, seed?: number): DeviceList {
  const text = fakeDeviceList({ devices: n, seed: seed ?? seedBase + ++seeds });
  const devices = text
    .split('\r\n')
    .slice(1)
    .filter((line) => line !== '')
    .map((line): DeviceIdentifiers => {
      const [serialNumber, , hardwareHash] = line.split(',');
      return { serialNumber: serialNumber ?? null, productKey: null, hardwareHash: hardwareHash ?? null, manufacturer: null, model: null };
    });
  return { text, devices };
}

/** A device list as the File a browser sends. */
export function deviceFile(list: DeviceList | string, name = 'devices.csv'): File {
  return new File([Buffer.from(typeof list === 'string' ? list : list.text, 'latin1')], name);
}
