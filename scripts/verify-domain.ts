/**
 * tsx scripts/verify-domain.ts fabrikam.example [--customer <id>]
 *
 * The portal operator marks a domain verified, having checked who holds it
 * some other way (a DNS record it could not publish, a call to the company):
 * for the one organisation that claims it, or, when several do, for the one
 * named with --customer. Prints what it did; refuses (exit code 2) and lists
 * the claimants when it cannot tell which one is meant.
 */
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { domainClaimants } from '@/lib/data/domains';
import { prisma } from '@/lib/db/client';
import { normaliseDomain } from '@/lib/domains/rules';
import { isAppError } from '@/lib/errors';
import { verifyDomainByOperator } from '@/lib/services/domain-verification';

const USAGE = 'Usage: tsx scripts/verify-domain.ts <domain> [--customer <organisation id>]';

/** The login name of whoever runs the command, for the audit trail. */
function operatorName(): string | undefined {
  try {
    return userInfo().username;
  } catch {
    return process.env.USER;
  }
}

async function listClaimants(domain: string): Promise<void> {
  const claimants = await domainClaimants(domain);
  if (claimants.length === 0) return;
  console.error(`Organisations that claim ${domain}:`);
  for (const c of claimants) {
    const status = c.verifiedDomain === domain ? 'verified' : 'claimed';
    console.error(`  ${c.id}  ${c.name}  (${status}, signed up ${c.createdAt.toISOString().slice(0, 10)}; administrators: ${c.admins.join(', ') || 'none'})`);
  }
}

let domain: string | undefined;
try {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { customer: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    console.log(USAGE);
  } else {
    if (positionals.length !== 1) throw new Error(USAGE);
    domain = positionals[0];
    const result = await verifyDomainByOperator(domain ?? '', { customerId: values.customer, operator: operatorName() });
    console.log(
      result.alreadyVerified
        ? `${result.domain} was already verified for ${result.customerName} (${result.customerId}); nothing changed.`
        : `Verified ${result.domain} for ${result.customerName} (${result.customerId}).`,
    );
    if (result.otherClaimants > 0) {
      console.log(`${result.otherClaimants} other organisation(s) claim ${result.domain}: they stay unverified, and partners are warned of them.`);
    }
  }
} catch (error) {
  console.error(`verify-domain: ${error instanceof Error ? error.message : String(error)}`);
  const reason = isAppError(error) ? error.details.reason : undefined;
  const normalised = domain === undefined ? null : normaliseDomain(domain);
  if (normalised && (reason === 'several-claimants' || reason === 'not-a-claimant' || reason === 'domain-verified-elsewhere')) {
    await listClaimants(normalised);
    if (reason === 'several-claimants') console.error('Choose one with --customer <id>.');
  }
  process.exitCode = 2;
} finally {
  await prisma.$disconnect();
}
