/**
 * Proving an organisation holds the domain it claims. Its administrator
 * publishes a TXT record at `_autopilot-portal.<domain>` holding the token
 * the portal shows, then asks the portal to look; or the portal's operator,
 * having checked some other way, marks it verified at the command line.
 * Until then the domain is only claimed, and partners see it so.
 */
import { readTxtRecords } from '@/lib/domains/dns';
import { hasVerificationRecord, normaliseDomain, verificationRecordName, verificationRecordValue, type DomainVerifier } from '@/lib/domains/rules';
import { customerDomain, domainClaimants, domainTokenFor, markDomainVerified } from '@/lib/data/domains';
import { AppError } from '@/lib/errors';

/** What the organisation's administrator is shown: where to publish what, or that it is done. */
export interface DomainVerificationState {
  domain: string;
  /** The record's name, `_autopilot-portal.<domain>`. */
  recordName: string;
  /** The record's value, `autopilot-portal-verification=<token>`. */
  recordValue: string;
  verifiedDomain: string | null;
  verifiedAt: string | null;
  verifiedBy: DomainVerifier | null;
  entraTenantId: string | null;
}

/** The record the administrator's organisation must publish (its token made on first view), and whether it is verified. */
export async function domainVerificationState(admin: { customerId: string }): Promise<DomainVerificationState> {
  const token = await domainTokenFor(admin.customerId);
  const c = await customerDomain(admin.customerId);
  return {
    domain: c.domain,
    recordName: verificationRecordName(c.domain),
    recordValue: verificationRecordValue(token),
    verifiedDomain: c.verifiedDomain,
    verifiedAt: c.verifiedAt?.toISOString() ?? null,
    verifiedBy: c.verifiedBy,
    entraTenantId: c.entraTenantId,
  };
}

/** At most this many values found are named in a refusal, each cut to 100 characters. */
const SHOWN = 5;
const shown = (values: string[]) =>
  values.length === 0
    ? 'no TXT record'
    : `${values
        .slice(0, SHOWN)
        .map((v) => JSON.stringify(v.length > 100 ? `${v.slice(0, 100)}…` : v))
        .join(', ')}${values.length > SHOWN ? ` and ${values.length - SHOWN} more` : ''}`;

/**
 * The administrator's organisation asks the portal to look for its record.
 * Verified when one TXT value at the record's name is exactly the expected
 * one; AppError('CONFLICT') otherwise, with the reason: 'record-not-found'
 * (the message says what was found), 'domain-verified-elsewhere' (another
 * organisation proved it first: its record does not count), or
 * 'dns-unavailable' (the DNS did not answer: nothing is changed).
 */
export async function verifyDomainByDns(admin: { userId: string; email: string; customerId: string }): Promise<{ domain: string; alreadyVerified: boolean }> {
  const token = await domainTokenFor(admin.customerId);
  const customer = await customerDomain(admin.customerId);
  const domain = normaliseDomain(customer.domain);
  if (domain === null) throw new Error(`The organisation ${customer.id} claims ${JSON.stringify(customer.domain)}, which is not a domain name.`);
  if (customer.verifiedDomain === domain) return { domain, alreadyVerified: true };
  // Already someone else's: no need to ask the DNS (markDomainVerified checks again, in its transaction).
  if ((await domainClaimants(domain)).some((c) => c.verifiedDomain === domain)) {
    throw new AppError('CONFLICT', `Another organisation has already verified ${domain}.`, { reason: 'domain-verified-elsewhere' });
  }
  const name = verificationRecordName(domain);
  const values = await readTxtRecords(name);
  if (!hasVerificationRecord(values, token)) {
    throw new AppError('CONFLICT', `The record ${verificationRecordValue(token)} was not found at ${name}: found ${shown(values)}.`, { reason: 'record-not-found' });
  }
  const result = await markDomainVerified(admin.customerId, 'dns', { userId: admin.userId, email: admin.email }, { checkedDomain: domain });
  return { domain: result.domain, alreadyVerified: result.alreadyVerified };
}

export interface OperatorVerification {
  customerId: string;
  customerName: string;
  domain: string;
  alreadyVerified: boolean;
  /** The other organisations that claim the domain: they stay unverified, and partners are warned of them. */
  otherClaimants: number;
}

/**
 * The portal's operator marks a domain verified, having checked who holds it
 * some other way: for the one organisation that claims it, or for
 * `customerId` among several. AppError with the reason: INVALID_INPUT
 * (fields ['domain']) for something that is not a domain name; NOT_FOUND
 * 'domain-unclaimed' (no organisation claims it) or 'not-a-claimant' (the
 * organisation named does not claim it); CONFLICT 'several-claimants'
 * (choose one with `customerId`) or 'domain-verified-elsewhere'.
 */
export async function verifyDomainByOperator(domainInput: string, options: { customerId?: string; operator?: string } = {}): Promise<OperatorVerification> {
  const domain = normaliseDomain(domainInput);
  if (domain === null) throw new AppError('INVALID_INPUT', `${JSON.stringify(domainInput)} is not a domain name.`, { fields: ['domain'] });
  const claimants = await domainClaimants(domain);
  const holder = claimants.find((c) => c.verifiedDomain === domain);
  const claiming = claimants.filter((c) => c.domain === domain && c.id !== holder?.id);
  if (holder && (options.customerId === undefined || options.customerId === holder.id)) {
    return { customerId: holder.id, customerName: holder.name, domain, alreadyVerified: true, otherClaimants: claiming.length };
  }
  if (holder) throw new AppError('CONFLICT', `${holder.name} (${holder.id}) has already verified ${domain}.`, { reason: 'domain-verified-elsewhere' });

  let target = claiming[0];
  if (options.customerId !== undefined) {
    target = claiming.find((c) => c.id === options.customerId);
    if (!target) throw new AppError('NOT_FOUND', `The organisation ${options.customerId} does not claim ${domain}.`, { reason: 'not-a-claimant' });
  } else if (claiming.length > 1) {
    throw new AppError('CONFLICT', `${claiming.length} organisations claim ${domain}: ${claiming.map((c) => `${c.name} (${c.id})`).join(', ')}.`, { reason: 'several-claimants' });
  }
  if (!target) throw new AppError('NOT_FOUND', `No organisation claims ${domain}.`, { reason: 'domain-unclaimed' });

  const result = await markDomainVerified(target.id, 'operator', { userId: null, email: null, operator: options.operator }, { checkedDomain: domain });
  return { ...result, otherClaimants: claiming.length - 1 };
}
