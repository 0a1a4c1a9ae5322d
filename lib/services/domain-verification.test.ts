/**
 * Proving a domain, against a real DNS server on this machine
 * (test-support/dns-server.ts) asked by Node's own resolver: the right
 * record at the right name verifies, and nothing else does; a domain is
 * verified by one organisation only; a DNS that does not answer changes
 * nothing. Then the operator's way, and what partners see.
 */
import { randomUUID } from 'node:crypto';
import { createSocket } from 'node:dgram';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { freshDatabase } from '@/test-support/database';
import { startDnsServer, type DnsServer } from '@/test-support/dns-server';
import { agent, customer, customerAdmin, partner, relationship, type TestCustomer } from '@/test-support/factories';

freshDatabase();
const { prisma } = await import('@/lib/db/client');
const { verifyDomainByDns, verifyDomainByOperator, domainVerificationState } = await import('./domain-verification');
const { domainTokenFor, customerTrust } = await import('@/lib/data/domains');

let dns: DnsServer;
beforeAll(async () => {
  dns = await startDnsServer();
});
beforeEach(() => {
  process.env.DNS_RESOLVER = dns.address;
  dns.setMode('answer');
});
afterAll(async () => {
  delete process.env.DNS_RESOLVER;
  await dns.close();
});

/** Another organisation claiming the same domain as `of` (as sign-up lets it while the domain is unverified). */
async function claimant(domain: string, name = 'Impostor'): Promise<TestCustomer> {
  return prisma.customer.create({ data: { name, domain }, select: { id: true, name: true, domain: true } });
}

/** The organisation's administrator, and the record its page tells it to publish. */
async function adminWithRecord(c: TestCustomer) {
  const admin = await customerAdmin(c);
  const state = await domainVerificationState(admin);
  return { admin, state };
}

const stored = (c: TestCustomer) =>
  prisma.customer.findUniqueOrThrow({ where: { id: c.id }, select: { verifiedDomain: true, domainVerifiedAt: true, domainVerifiedBy: true } });
const events = (c: TestCustomer) => prisma.auditEvent.findMany({ where: { customerId: c.id, action: 'customer.domain-verified' } });
/** A name no other test uses: names are compared across the whole database. */
const named = (name: string) => name.replace(/^(\S+)/, `$1 ${randomUUID().slice(0, 8)}`);
const unverified = { verifiedDomain: null, domainVerifiedAt: null, domainVerifiedBy: null };

describe('the token', () => {
  it('is 128 random bits, made once, the same however often and however many at once ask, and each organisation’s own', async () => {
    const a = await customer();
    const tokens = await Promise.all([domainTokenFor(a.id), domainTokenFor(a.id), domainTokenFor(a.id)]);
    expect(new Set(tokens).size).toBe(1);
    expect(tokens[0]).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(await domainTokenFor(a.id)).toBe(tokens[0]);
    expect(await domainTokenFor((await customer()).id)).not.toBe(tokens[0]);
    await expect(domainTokenFor('no-such-customer')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('is shown with where to publish it', async () => {
    const c = await customer();
    const { state } = await adminWithRecord(c);
    expect(state).toEqual({
      domain: c.domain,
      recordName: `_autopilot-portal.${c.domain}`,
      recordValue: `autopilot-portal-verification=${await domainTokenFor(c.id)}`,
      verifiedDomain: null,
      verifiedAt: null,
      verifiedBy: null,
      entraTenantId: null,
    });
  });
});

describe('verifying by DNS', () => {
  it('verifies with the right record at the right name, among others, once', async () => {
    const c = await customer();
    const { admin, state } = await adminWithRecord(c);
    dns.setTxt(state.recordName, ['v=spf1 -all', state.recordValue]);

    expect(await verifyDomainByDns(admin)).toEqual({ domain: c.domain, alreadyVerified: false });
    expect(await stored(c)).toMatchObject({ verifiedDomain: c.domain, domainVerifiedBy: 'dns', domainVerifiedAt: expect.any(Date) as Date });
    const [event, ...more] = await events(c);
    expect(more).toEqual([]);
    expect(event).toMatchObject({ actorId: admin.userId, actorEmail: admin.email, targetType: 'Customer', targetId: c.id });
    expect(JSON.parse(event!.details)).toEqual({ customerName: c.name, domain: c.domain, by: 'dns' });
    expect(await domainVerificationState(admin)).toMatchObject({ verifiedDomain: c.domain, verifiedBy: 'dns' });

    // Asked again (or the record since removed): still verified, nothing written.
    dns.setTxt(state.recordName, []);
    expect(await verifyDomainByDns(admin)).toEqual({ domain: c.domain, alreadyVerified: true });
    expect(await events(c)).toHaveLength(1);
  });

  it('refuses a wrong value, saying what it found, and changes nothing', async () => {
    const c = await customer();
    const { admin, state } = await adminWithRecord(c);
    const other = await adminWithRecord(await customer());
    for (const wrong of [`${state.recordValue}x`, state.recordValue.toUpperCase(), other.state.recordValue, state.recordValue.replace('autopilot-portal-verification=', '')]) {
      dns.setTxt(state.recordName, [wrong]);
      const refusal = verifyDomainByDns(admin);
      await expect(refusal).rejects.toMatchObject({ code: 'CONFLICT', details: { reason: 'record-not-found' } });
      await expect(refusal).rejects.toThrow(JSON.stringify(wrong));
    }
    expect(await stored(c)).toEqual(unverified);
    expect(await events(c)).toEqual([]);
  });

  it('refuses when there is no record', async () => {
    const c = await customer();
    const { admin } = await adminWithRecord(c);
    await expect(verifyDomainByDns(admin)).rejects.toMatchObject({ code: 'CONFLICT', details: { reason: 'record-not-found' }, message: expect.stringContaining('no TXT record') as string });
    expect(await stored(c)).toEqual(unverified);
  });

  it('refuses the right value at the wrong name: the domain itself, a subdomain, a name doubled by a DNS host, another domain', async () => {
    const c = await customer();
    const { admin, state } = await adminWithRecord(c);
    for (const name of [c.domain, `_autopilot-portal.www.${c.domain}`, `www.${c.domain}`, `${state.recordName}.${c.domain}`, `autopilot-portal.${c.domain}`, `_autopilot-portal.${c.domain}.evil.example`]) {
      dns.setTxt(name, [state.recordValue]);
      await expect(verifyDomainByDns(admin), name).rejects.toMatchObject({ code: 'CONFLICT', details: { reason: 'record-not-found' } });
      dns.setTxt(name, []);
    }
    expect(await stored(c)).toEqual(unverified);
  });

  it('lets one organisation only verify a domain: a second claiming it cannot, even with its own record', async () => {
    const real = await customer({ name: named('Fabrikam, Inc.') });
    const impostor = await claimant(real.domain, real.name.replace(', Inc.', ' Inc'));
    const r = await adminWithRecord(real);
    const i = await adminWithRecord(impostor);
    expect(i.state.recordName).toBe(r.state.recordName);
    expect(i.state.recordValue).not.toBe(r.state.recordValue);

    dns.setTxt(r.state.recordName, [r.state.recordValue]);
    await expect(verifyDomainByDns(i.admin)).rejects.toMatchObject({ details: { reason: 'record-not-found' } });
    await verifyDomainByDns(r.admin);

    dns.setTxt(r.state.recordName, [r.state.recordValue, i.state.recordValue]);
    await expect(verifyDomainByDns(i.admin)).rejects.toMatchObject({ code: 'CONFLICT', details: { reason: 'domain-verified-elsewhere' } });
    expect(await stored(impostor)).toEqual(unverified);
    expect(await stored(real)).toMatchObject({ verifiedDomain: real.domain });
  });

  it('of two claimants both holding a record and asking at once, verifies one and refuses the other', async () => {
    const a = await customer();
    const b = await claimant(a.domain);
    const ra = await adminWithRecord(a);
    const rb = await adminWithRecord(b);
    dns.setTxt(ra.state.recordName, [ra.state.recordValue, rb.state.recordValue]);
    const results = await Promise.allSettled([verifyDomainByDns(ra.admin), verifyDomainByDns(rb.admin)]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = results.find((r) => r.status === 'rejected');
    expect(refused?.reason).toMatchObject({ code: 'CONFLICT', details: { reason: 'domain-verified-elsewhere' } });
    expect(await prisma.customer.count({ where: { verifiedDomain: a.domain } })).toBe(1);
    expect((await events(a)).length + (await events(b)).length).toBe(1);
  });

  it('says the DNS is unavailable, and changes nothing, when the server fails or is gone', async () => {
    const c = await customer();
    const { admin, state } = await adminWithRecord(c);
    dns.setTxt(state.recordName, [state.recordValue]);

    dns.setMode('servfail');
    await expect(verifyDomainByDns(admin)).rejects.toMatchObject({ code: 'CONFLICT', details: { reason: 'dns-unavailable' } });

    const socket = createSocket('udp4');
    await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
    const { port } = socket.address();
    await new Promise<void>((resolve) => socket.close(() => resolve()));
    process.env.DNS_RESOLVER = `127.0.0.1:${port}`;
    await expect(verifyDomainByDns(admin)).rejects.toMatchObject({ code: 'CONFLICT', details: { reason: 'dns-unavailable' } });

    expect(await stored(c)).toEqual(unverified);
    expect(await events(c)).toEqual([]);
  });
});

describe('verifying by the operator', () => {
  it('verifies the one organisation that claims the domain, however the domain is typed, and says so again', async () => {
    const c = await customer();
    expect(await verifyDomainByOperator(` ${c.domain.toUpperCase()}. `, { operator: 'root' })).toEqual({
      customerId: c.id, customerName: c.name, domain: c.domain, alreadyVerified: false, otherClaimants: 0,
    });
    expect(await stored(c)).toMatchObject({ verifiedDomain: c.domain, domainVerifiedBy: 'operator' });
    const [event] = await events(c);
    expect(event).toMatchObject({ actorId: null, actorEmail: null });
    expect(JSON.parse(event!.details)).toMatchObject({ by: 'operator', operator: 'root' });
    expect(await verifyDomainByOperator(c.domain)).toMatchObject({ customerId: c.id, alreadyVerified: true });
  });

  it('refuses to choose among several claimants, and verifies the one named', async () => {
    const a = await customer();
    const b = await claimant(a.domain);
    const refusal = verifyDomainByOperator(a.domain);
    await expect(refusal).rejects.toMatchObject({ code: 'CONFLICT', details: { reason: 'several-claimants' } });
    await expect(refusal).rejects.toThrow(b.id);
    expect(await verifyDomainByOperator(a.domain, { customerId: b.id })).toMatchObject({ customerId: b.id, alreadyVerified: false, otherClaimants: 1 });
    await expect(verifyDomainByOperator(a.domain, { customerId: a.id })).rejects.toMatchObject({ code: 'CONFLICT', details: { reason: 'domain-verified-elsewhere' } });
    expect(await stored(a)).toEqual(unverified);
    expect(await verifyDomainByOperator(a.domain)).toMatchObject({ customerId: b.id, alreadyVerified: true, otherClaimants: 1 });
  });

  it('refuses a domain nobody claims, an organisation that does not claim it, and what is not a domain', async () => {
    const c = await customer();
    await expect(verifyDomainByOperator('nobody-claims-this.example')).rejects.toMatchObject({ code: 'NOT_FOUND', details: { reason: 'domain-unclaimed' } });
    await expect(verifyDomainByOperator(c.domain, { customerId: (await customer()).id })).rejects.toMatchObject({ code: 'NOT_FOUND', details: { reason: 'not-a-claimant' } });
    await expect(verifyDomainByOperator('not a domain')).rejects.toMatchObject({ code: 'INVALID_INPUT', details: { fields: ['domain'] } });
    expect(await stored(c)).toEqual(unverified);
  });
});

describe('what a partner sees', () => {
  it('flags the impostor, not the real one, and trusts nothing the partner has no relationship with', async () => {
    const p = await partner();
    const ana = await agent(p);
    const real = await customer({ name: named('Fabrikam, Inc.') });
    await verifyDomainByOperator(real.domain);
    const copy = await customer({ name: real.name.replace(', Inc.', ' INC').toUpperCase() });
    const sub = await claimant(`sales.${real.domain}`, named('Fabrikam Sales'));
    const sameDomain = await claimant(real.domain, named('Totally Different'));
    const plain = await customer();
    for (const c of [real, copy, sub, sameDomain, plain]) await relationship(p, c);
    const elsewhere = await customer();
    await relationship(await partner(), elsewhere);

    const trust = await customerTrust(ana);
    expect(Object.keys(trust).sort()).toEqual([real.id, copy.id, sub.id, sameDomain.id, plain.id].sort());
    expect(trust[real.id]).toEqual({ domain: real.domain, verifiedDomain: real.domain, verifiedBy: 'operator', warnings: [] });
    expect(trust[copy.id]?.warnings).toEqual([{ kind: 'unverified-domain' }, { kind: 'same-name', otherId: real.id }]);
    expect(trust[sub.id]?.warnings).toEqual([{ kind: 'unverified-domain' }, { kind: 'subdomain-of-verified', otherId: real.id, otherDomain: real.domain }]);
    expect(trust[sameDomain.id]?.warnings).toEqual([{ kind: 'unverified-domain' }, { kind: 'domain-verified-by-other', otherId: real.id }]);
    expect(trust[plain.id]?.warnings).toEqual([{ kind: 'unverified-domain' }]);

    expect(Object.keys(await customerTrust(ana, [copy.id, elsewhere.id]))).toEqual([copy.id]);
  });

  it('warns of a verified organisation of the same name the partner does not serve: the impostor got there first', async () => {
    const p = await partner();
    const ana = await agent(p);
    const real = await customer({ name: named('Northwind Traders Ltd') });
    await verifyDomainByOperator(real.domain);
    const impostor = await customer({ name: real.name.replace(' Ltd', '') });
    await relationship(p, impostor);
    expect((await customerTrust(ana))[impostor.id]?.warnings).toEqual([{ kind: 'unverified-domain' }, { kind: 'same-name', otherId: real.id }]);
  });
});
