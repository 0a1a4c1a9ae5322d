/**
 * An organisation's domain: the token it publishes to prove it holds the
 * domain it claims, the domain marked verified (by one organisation only),
 * and what partners see of it (lib/domains/rules.ts says why one looks
 * twice at an organisation).
 * (No `server-only` marker: the operator's command, scripts/verify-domain.ts,
 * runs this under tsx, where that marker throws; lint keeps client code from
 * the database.)
 */
import { randomBytes } from 'node:crypto';
import { prisma } from '@/lib/db/client';
import { isUniqueViolation } from '@/lib/db/errors';
import { lookalikeIndex, normaliseDomain, isDomainVerifier, type DomainVerifier, type LookalikeWarning, type Organisation } from '@/lib/domains/rules';
import { AppError } from '@/lib/errors';
import type { Principal } from '@/lib/auth/principal';
import { activeRelationshipWhere } from './scope';

/** Who marked a domain verified, for the audit trail: a person, or the operator at the command line (no user, a login name). */
export interface DomainActor {
  userId: string | null;
  email: string | null;
  /** The operator's login name, when there is no user. */
  operator?: string;
}

const notFound = () => new AppError('NOT_FOUND', 'No such organisation.', { reason: 'customer' });
const verifiedElsewhere = (domain: string) =>
  new AppError('CONFLICT', `Another organisation has already verified ${domain}.`, { reason: 'domain-verified-elsewhere' });

/** The organisation's domain as stored, and how far it got in proving it. */
export interface CustomerDomain {
  id: string;
  name: string;
  domain: string;
  verifiedDomain: string | null;
  verifiedAt: Date | null;
  verifiedBy: DomainVerifier | null;
  /** The token its record must hold; null until first shown (domainTokenFor). */
  token: string | null;
  /** Its Microsoft Entra ID tenant, recorded when an administrator signed in with it. */
  entraTenantId: string | null;
}

/** The organisation's domain and its verification; AppError('NOT_FOUND', reason 'customer') for none. */
export async function customerDomain(customerId: string): Promise<CustomerDomain> {
  const row = await prisma.customer.findUnique({
    where: { id: customerId },
    select: { id: true, name: true, domain: true, verifiedDomain: true, domainVerifiedAt: true, domainVerifiedBy: true, domainToken: true, entraTenantId: true },
  });
  if (!row) throw notFound();
  return {
    id: row.id,
    name: row.name,
    domain: row.domain,
    verifiedDomain: row.verifiedDomain,
    verifiedAt: row.domainVerifiedAt,
    verifiedBy: isDomainVerifier(row.domainVerifiedBy) ? row.domainVerifiedBy : null,
    token: row.domainToken,
    entraTenantId: row.entraTenantId,
  };
}

/**
 * The token the organisation publishes in its TXT record: 128 random bits,
 * made the first time it is asked for and the same ever after. Of two first
 * asks at once, one token is kept and both are given it.
 */
export async function domainTokenFor(customerId: string): Promise<string> {
  const existing = await prisma.customer.findUnique({ where: { id: customerId }, select: { domainToken: true } });
  if (!existing) throw notFound();
  if (existing.domainToken) return existing.domainToken;
  await prisma.customer.updateMany({ where: { id: customerId, domainToken: null }, data: { domainToken: randomBytes(16).toString('base64url') } });
  const row = await prisma.customer.findUnique({ where: { id: customerId }, select: { domainToken: true } });
  if (!row?.domainToken) throw notFound();
  return row.domainToken;
}

/**
 * Marks the domain the organisation claims as verified, with how and by
 * whom, in one transaction with its audit event. `checkedDomain`: the domain
 * that was checked (a DNS record read before); refused with reason
 * 'domain-changed' if the claim is no longer that. Already verified: nothing
 * is written. AppError('CONFLICT', reason 'domain-verified-elsewhere') when
 * another organisation holds it verified: the database's unique key decides
 * between two at once.
 */
export async function markDomainVerified(
  customerId: string,
  by: DomainVerifier,
  actor: DomainActor,
  options: { checkedDomain?: string } = {},
): Promise<{ customerId: string; customerName: string; domain: string; alreadyVerified: boolean }> {
  let domain = '';
  try {
    return await prisma.$transaction(async (tx) => {
      const customer = await tx.customer.findUnique({ where: { id: customerId }, select: { name: true, domain: true, verifiedDomain: true } });
      if (!customer) throw notFound();
      const normalised = normaliseDomain(customer.domain);
      // Sign-up accepts only domain names: a stored claim that is not one is a bug.
      if (normalised === null) throw new Error(`The organisation ${customerId} claims ${JSON.stringify(customer.domain)}, which is not a domain name.`);
      domain = normalised;
      if (options.checkedDomain !== undefined && normaliseDomain(options.checkedDomain) !== domain) {
        throw new AppError('CONFLICT', 'The organisation’s domain changed while it was being checked.', { reason: 'domain-changed' });
      }
      const result = { customerId, customerName: customer.name, domain };
      if (customer.verifiedDomain === domain) return { ...result, alreadyVerified: true };
      const holder = await tx.customer.findUnique({ where: { verifiedDomain: domain }, select: { id: true } });
      if (holder) throw verifiedElsewhere(domain);

      const now = new Date();
      const { count } = await tx.customer.updateMany({
        where: { id: customerId, domain: customer.domain, OR: [{ verifiedDomain: null }, { verifiedDomain: { not: domain } }] },
        data: { verifiedDomain: domain, domainVerifiedAt: now, domainVerifiedBy: by },
      });
      if (count === 0) {
        const again = await tx.customer.findUnique({ where: { id: customerId }, select: { verifiedDomain: true } });
        if (!again) throw notFound();
        if (again.verifiedDomain === domain) return { ...result, alreadyVerified: true };
        throw new AppError('CONFLICT', 'The organisation’s domain changed while it was being checked.', { reason: 'domain-changed' });
      }
      await tx.auditEvent.create({
        data: {
          actorId: actor.userId,
          actorEmail: actor.email,
          customerId,
          action: 'customer.domain-verified',
          targetType: 'Customer',
          targetId: customerId,
          details: JSON.stringify({
            customerName: customer.name,
            domain,
            by,
            ...(actor.operator && { operator: actor.operator }),
            ...(customer.verifiedDomain && { previousDomain: customer.verifiedDomain }),
          }),
        },
      });
      return { ...result, alreadyVerified: false };
    });
  } catch (error) {
    // Another organisation verified the same domain a moment ago.
    if (isUniqueViolation(error)) throw verifiedElsewhere(domain);
    throw error;
  }
}

/** An organisation that claims a domain or holds it verified, as the operator sees it to choose. */
export interface DomainClaimant {
  id: string;
  name: string;
  domain: string;
  verifiedDomain: string | null;
  createdAt: Date;
  /** Its administrators' addresses, the earliest first (at most five). */
  admins: string[];
}

/** Every organisation that claims `domain` (normalised) or holds it verified, the earliest first. */
export async function domainClaimants(domain: string): Promise<DomainClaimant[]> {
  const rows = await prisma.customer.findMany({
    where: { OR: [{ domain }, { verifiedDomain: domain }] },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: {
      id: true,
      name: true,
      domain: true,
      verifiedDomain: true,
      createdAt: true,
      users: { where: { role: 'CUSTOMER_ADMIN' }, orderBy: { createdAt: 'asc' }, take: 5, select: { email: true } },
    },
  });
  return rows.map(({ users, ...row }) => ({ ...row, admins: users.map((u) => u.email) }));
}

/** What a partner sees of a customer's identity: the domain it claims, the one it proved, and why to look twice. */
export interface CustomerTrust {
  domain: string;
  verifiedDomain: string | null;
  verifiedBy: DomainVerifier | null;
  /**
   * Empty for a customer nothing is wrong with. An `otherId` is one of the
   * partner's customers, or a verified organisation the partner has no
   * relationship with: a page links only the ids it lists itself.
   */
  warnings: LookalikeWarning[];
}

/**
 * The trust the principal's customers deserve (all of them, or those of
 * `customerIds` it has an active relationship with), keyed by customer id.
 *
 * Compared against: all the partner's customers (the list a look-alike hides
 * in), and every verified organisation on the portal (the real one may not
 * be the partner's customer yet: an impostor that takes its name gets there
 * first). Names are compared after normalisation (accents, look-alike
 * letters, legal forms), which SQL cannot do, so both sets are read whole:
 * four short columns a row, two indexed queries, linear in the partner's
 * customers plus the portal's verified ones. Past some tens of thousands of
 * those, store the normalised name in an indexed column and look names up.
 */
export async function customerTrust(principal: Principal, customerIds?: readonly string[]): Promise<Record<string, CustomerTrust>> {
  const select = { id: true, name: true, domain: true, verifiedDomain: true, domainVerifiedBy: true } as const;
  const [relationships, verified] = await Promise.all([
    prisma.relationship.findMany({ where: activeRelationshipWhere(principal), select: { customer: { select } } }),
    prisma.customer.findMany({ where: { verifiedDomain: { not: null } }, select }),
  ]);
  const partnerCustomers = relationships.map((r) => r.customer);
  const others: Organisation[] = [...partnerCustomers, ...verified];
  const warningsOf = lookalikeIndex(others);
  const wanted = customerIds ? new Set(customerIds) : null;
  const trust: Record<string, CustomerTrust> = {};
  for (const c of partnerCustomers) {
    if (wanted && !wanted.has(c.id)) continue;
    trust[c.id] = {
      domain: c.domain,
      verifiedDomain: c.verifiedDomain,
      verifiedBy: isDomainVerifier(c.domainVerifiedBy) ? c.domainVerifiedBy : null,
      warnings: warningsOf(c),
    };
  }
  return trust;
}
