/**
 * Who an organisation is, as far as a partner can tell: the domain it claims,
 * the domain it proved it holds (a DNS TXT record at
 * `_autopilot-portal.<domain>`, or the portal's operator, or Microsoft Entra
 * ID), and whether it looks like another organisation. Pure: no I/O, nothing
 * of the app, the same in the browser and on the server.
 *
 * The look-alike rule. A verified domain is the only thing an organisation
 * has proved; its name is whatever it typed. So, for the organisation being
 * shown (the candidate) against every other one:
 *
 * - unverified candidate: flagged as such ('unverified-domain');
 * - same name (normalised, see normaliseOrganisationName) as another:
 *   flagged, unless the candidate is verified and the other is not. A
 *   verified organisation is not put in doubt by an unverified one that
 *   copies its name: only the copy is flagged. Two unverified ones are both
 *   flagged. Two verified ones are both flagged too: each proved a domain,
 *   not a name, and an impostor can verify a domain of its own
 *   (fabrikam-inc.example) and call itself "Fabrikam, Inc.";
 * - unverified candidate whose claimed domain is another's verified domain
 *   ('domain-verified-by-other'), or lies under it ('subdomain-of-verified':
 *   sales.fabrikam.example under fabrikam.example; evilfabrikam.example is not
 *   under it). A verified candidate is not flagged for its domain: whoever
 *   publishes records under a verified domain was let in by its holder.
 *
 * Not flagged: two unverified organisations claiming one domain (both carry
 * 'unverified-domain', and the partner sees the same domain twice).
 */

/** The record's first label: the name the TXT record is published at is `_autopilot-portal.<domain>`. */
export const VERIFICATION_RECORD_LABEL = '_autopilot-portal';
/** What the record's value starts with, before the organisation's token. */
export const VERIFICATION_RECORD_PREFIX = 'autopilot-portal-verification=';

/** How a domain was verified: a DNS record, the portal's operator, or a Microsoft Entra ID sign-in. */
export const DOMAIN_VERIFIERS = ['dns', 'operator', 'entra'] as const;
export type DomainVerifier = (typeof DOMAIN_VERIFIERS)[number];

export function isDomainVerifier(value: unknown): value is DomainVerifier {
  return (DOMAIN_VERIFIERS as readonly unknown[]).includes(value);
}

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
/** Characters a URL would read as something other than a host name. */
const NOT_IN_A_HOST = /[\s/\\@:?#%[\]]/;

/**
 * A domain name as compared and stored: lower case, ASCII (an
 * internationalised name in its xn-- form), without the trailing dot of the
 * root; null for anything that is not a host name of two labels or more (an
 * address, a name with an underscore, a port…).
 */
export function normaliseDomain(input: string): string | null {
  const name = input.trim();
  if (name === '' || NOT_IN_A_HOST.test(name)) return null;
  let ascii: string;
  try {
    // The WHATWG URL parser does IDNA (UTS #46) the same way in Node and in browsers.
    ascii = new URL(`http://${name}/`).hostname;
  } catch {
    return null;
  }
  if (ascii.endsWith('.')) ascii = ascii.slice(0, -1);
  if (ascii.length > 253) return null;
  const labels = ascii.split('.');
  if (labels.length < 2 || !labels.every((label) => LABEL.test(label))) return null;
  // A name whose last label has no letter is an address, not a domain.
  return /[a-z]/.test(labels.at(-1) ?? '') ? ascii : null;
}

/** The domain, normalised when it can be; else only trimmed, lower-cased and without its trailing dot. */
function comparable(domain: string): string {
  return normaliseDomain(domain) ?? domain.trim().toLowerCase().replace(/\.$/, '');
}

/** Whether `child` lies strictly under `parent`, at a label boundary: a.b.example is under b.example, ab.example is not. */
export function isSubdomainOf(child: string, parent: string): boolean {
  const c = normaliseDomain(child);
  const p = normaliseDomain(parent);
  return c !== null && p !== null && c !== p && c.endsWith(`.${p}`);
}

/** The name the organisation publishes its TXT record at. Throws a RangeError for something that is not a domain name. */
export function verificationRecordName(domain: string): string {
  const d = normaliseDomain(domain);
  if (d === null) throw new RangeError(`Not a domain name: ${domain}`);
  return `${VERIFICATION_RECORD_LABEL}.${d}`;
}

/** The value of the TXT record that proves the organisation holding `token` holds the domain. */
export function verificationRecordValue(token: string): string {
  return `${VERIFICATION_RECORD_PREFIX}${token}`;
}

/** Whether one of the TXT values found is the expected record (spaces around it forgiven; the token's case is not). */
export function hasVerificationRecord(values: readonly string[], token: string): boolean {
  const expected = verificationRecordValue(token);
  return values.some((value) => value.trim() === expected);
}

/** Legal forms, compared in lower case without punctuation: "Fabrikam, Inc." is "Fabrikam". */
const LEGAL_SUFFIXES = new Set([
  'inc', 'incorporated', 'corp', 'corporation', 'co', 'company', 'ltd', 'limited', 'llc', 'llp', 'lp', 'plc', 'pvt', 'private', 'pty', 'pte',
  'gmbh', 'mbh', 'ag', 'kg', 'kgaa', 'ug', 'se', 'sa', 'sas', 'sasu', 'sarl', 'eurl', 'sca', 'srl', 'spa', 'sl', 'bv', 'nv', 'cv',
  'oy', 'oyj', 'ab', 'as', 'asa', 'aps', 'kk', 'bhd', 'sdn', 'ltda',
]);

/**
 * Letters from other scripts that look like Latin ones (Cyrillic а, Greek ο…)
 * and Latin letters that Unicode does not decompose (ł, ø…). Digits that
 * look like letters (0, 1) are left alone: "Area 51" is not "Area SI".
 */
const LOOK_ALIKES: Record<string, string> = {
  а: 'a', в: 'b', е: 'e', һ: 'h', н: 'h', і: 'i', ј: 'j', к: 'k', ӏ: 'l', м: 'm', о: 'o', р: 'p', ԛ: 'q', ѕ: 's', т: 't', с: 'c',
  у: 'y', ү: 'y', х: 'x', ԁ: 'd', ԝ: 'w',
  α: 'a', β: 'b', ε: 'e', η: 'h', ι: 'i', κ: 'k', μ: 'm', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x', γ: 'y', ζ: 'z',
  ı: 'i', ł: 'l', ø: 'o', đ: 'd', ħ: 'h', ŧ: 't', æ: 'ae', œ: 'oe', ß: 'ss',
};

/**
 * A key to compare organisation names by, not to show: "Fabrikam, Inc.",
 * "FABRIKAM INC", "Fabríkam Incorporated", "Fab Rikam Ltd" and "The
 * Fabrikam Co., Ltd." all give "fabrikam". Accents, case, punctuation and
 * spaces are dropped, look-alike letters of other scripts read as Latin ones,
 * "&" as "and", dotted initials joined (S.A.R.L. is SARL), a leading "the"
 * and trailing legal forms removed. Empty for a name of punctuation only.
 */
export function normaliseOrganisationName(name: string): string {
  const letters = [...name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()].map((ch) => LOOK_ALIKES[ch] ?? ch).join('');
  const words = letters
    .replace(/&/g, ' and ')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  // Initials written with dots or spaces (S.A., B V) make one word.
  const merged: string[] = [];
  let initials = '';
  for (const word of words) {
    if ([...word].length === 1) {
      initials += word;
      continue;
    }
    if (initials) merged.push(initials);
    initials = '';
    merged.push(word);
  }
  if (initials) merged.push(initials);

  const core = [...merged];
  if (core.length > 1 && core[0] === 'the') core.shift();
  while (core.length > 1 && LEGAL_SUFFIXES.has(core.at(-1) ?? '')) {
    core.pop();
    // "Fabrikam & Co." leaves "Fabrikam and".
    if (core.length > 1 && core.at(-1) === 'and') core.pop();
  }
  return core.join('');
}

/** What the look-alike rule needs of an organisation. */
export interface Organisation {
  id: string;
  name: string;
  /** The domain it claims. */
  domain: string;
  /** The domain it proved it holds, or null. */
  verifiedDomain: string | null;
}

export type LookalikeWarning =
  | { kind: 'unverified-domain' }
  | { kind: 'same-name'; otherId: string }
  | { kind: 'subdomain-of-verified'; otherId: string; otherDomain: string }
  | { kind: 'domain-verified-by-other'; otherId: string };

const ORDER: Record<LookalikeWarning['kind'], number> = { 'unverified-domain': 0, 'domain-verified-by-other': 1, 'subdomain-of-verified': 2, 'same-name': 3 };

function byKindThenOther(a: LookalikeWarning, b: LookalikeWarning): number {
  const other = (w: LookalikeWarning) => ('otherId' in w ? w.otherId : '');
  return ORDER[a.kind] - ORDER[b.kind] || (other(a) < other(b) ? -1 : other(a) > other(b) ? 1 : 0);
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * The look-alike rule (see the top of this file), prepared once for many
 * candidates: the others indexed by name key and by verified domain, so that
 * each candidate costs a few map reads, not a pass over every other.
 */
export function lookalikeIndex(others: readonly Organisation[]): (candidate: Organisation) => LookalikeWarning[] {
  const byName = new Map<string, Array<{ id: string; verified: boolean }>>();
  const byVerifiedDomain = new Map<string, string[]>();
  const seen = new Set<string>();
  for (const other of others) {
    if (seen.has(other.id)) continue;
    seen.add(other.id);
    const key = normaliseOrganisationName(other.name);
    if (key !== '') push(byName, key, { id: other.id, verified: other.verifiedDomain !== null });
    if (other.verifiedDomain !== null) push(byVerifiedDomain, comparable(other.verifiedDomain), other.id);
  }

  return (candidate) => {
    const warnings: LookalikeWarning[] = [];
    const verified = candidate.verifiedDomain !== null;
    if (!verified) warnings.push({ kind: 'unverified-domain' });

    const key = normaliseOrganisationName(candidate.name);
    for (const other of key === '' ? [] : (byName.get(key) ?? [])) {
      if (other.id !== candidate.id && (!verified || other.verified)) warnings.push({ kind: 'same-name', otherId: other.id });
    }

    if (!verified) {
      const domain = comparable(candidate.domain);
      for (const otherId of byVerifiedDomain.get(domain) ?? []) {
        if (otherId !== candidate.id) warnings.push({ kind: 'domain-verified-by-other', otherId });
      }
      // Every parent of the domain, at its label boundaries.
      const labels = domain.split('.');
      for (let i = 1; i < labels.length; i++) {
        const parent = labels.slice(i).join('.');
        for (const otherId of byVerifiedDomain.get(parent) ?? []) {
          if (otherId !== candidate.id) warnings.push({ kind: 'subdomain-of-verified', otherId, otherDomain: parent });
        }
      }
    }
    return warnings.sort(byKindThenOther);
  };
}

/** Why a partner should look twice at `candidate` among `others` (the candidate itself, if listed there, is skipped). */
export function lookalikeWarnings(candidate: Organisation, others: readonly Organisation[]): LookalikeWarning[] {
  return lookalikeIndex(others)(candidate);
}
