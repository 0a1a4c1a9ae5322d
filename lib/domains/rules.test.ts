/**
 * Domains as compared and verified, and the look-alike rule a partner's list
 * shows: checked on examples, and on generated names and domains against a
 * plain restatement of the rule.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  hasVerificationRecord,
  isSubdomainOf,
  lookalikeWarnings,
  normaliseDomain,
  normaliseOrganisationName,
  verificationRecordName,
  verificationRecordValue,
  type LookalikeWarning,
  type Organisation,
} from './rules';

const label = fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,10}[a-z0-9])?$/);
const tld = fc.stringMatching(/^[a-z]{2,6}$/);
const domain = fc.tuple(fc.array(label, { minLength: 1, maxLength: 3 }), tld).map(([labels, t]) => [...labels, t].join('.'));

describe('normaliseDomain', () => {
  it('lower-cases, drops the root’s dot and spaces around, and writes internationalised names in their xn-- form', () => {
    expect(normaliseDomain(' Fabrikam.EXAMPLE. ')).toBe('fabrikam.example');
    expect(normaliseDomain('Bücher.example')).toBe('xn--bcher-kva.example');
    expect(normaliseDomain('xn--bcher-kva.example')).toBe('xn--bcher-kva.example');
    expect(normaliseDomain('ＦＡＢＲＩＫＡＭ．example')).toBe('fabrikam.example');
  });

  it('refuses what is not a host name of two labels or more', () => {
    for (const bad of ['', 'example', 'fabrikam.example:443', 'ana@fabrikam.example', 'fabrikam.example/x', '127.0.0.1', '0x7f.1', 'a..example', '-a.example',
      'a-.example', 'a_b.example', 'fab rikam.example', `${'a'.repeat(64)}.example`, `${'abcdefghi.'.repeat(25)}example`]) {
      expect(normaliseDomain(bad), bad).toBeNull();
    }
  });

  it('is idempotent and case-blind', () => {
    fc.assert(
      fc.property(domain, fc.boolean(), (d, dot) => {
        const once = normaliseDomain(d.toUpperCase() + (dot ? '.' : ''));
        expect(once).toBe(d);
        expect(normaliseDomain(once ?? '')).toBe(once);
      }),
    );
  });
});

describe('the verification record', () => {
  it('is published at _autopilot-portal.<domain> and holds the organisation’s token', () => {
    expect(verificationRecordName('Fabrikam.example.')).toBe('_autopilot-portal.fabrikam.example');
    expect(verificationRecordValue('abc_-123')).toBe('autopilot-portal-verification=abc_-123');
    expect(() => verificationRecordName('not a domain')).toThrow(RangeError);
  });

  it('is found among other values, spaces around forgiven, but not another token nor another case', () => {
    expect(hasVerificationRecord(['v=spf1 -all', ' autopilot-portal-verification=Tok3n '], 'Tok3n')).toBe(true);
    expect(hasVerificationRecord(['autopilot-portal-verification=tok3n'], 'Tok3n')).toBe(false);
    expect(hasVerificationRecord(['autopilot-portal-verification=Tok3nX'], 'Tok3n')).toBe(false);
    expect(hasVerificationRecord([], 'Tok3n')).toBe(false);
  });
});

describe('isSubdomainOf', () => {
  it('holds at a label boundary only, never for the domain itself', () => {
    expect(isSubdomainOf('sales.fabrikam.example', 'fabrikam.example')).toBe(true);
    expect(isSubdomainOf('a.b.FABRIKAM.example.', 'fabrikam.example')).toBe(true);
    expect(isSubdomainOf('evilfabrikam.example', 'fabrikam.example')).toBe(false);
    expect(isSubdomainOf('fabrikam.example', 'fabrikam.example')).toBe(false);
    expect(isSubdomainOf('fabrikam.example', 'sales.fabrikam.example')).toBe(false);
    expect(isSubdomainOf('fabrikam.example.evil.example', 'fabrikam.example')).toBe(false);
  });

  it('holds for any label put in front, and for nothing glued to the first label', () => {
    fc.assert(
      fc.property(domain, label, (parent, prefix) => {
        expect(isSubdomainOf(`${prefix}.${parent}`, parent)).toBe(true);
        expect(isSubdomainOf(parent, `${prefix}.${parent}`)).toBe(false);
        expect(isSubdomainOf(`${prefix}${parent}`, parent)).toBe(false);
        expect(isSubdomainOf(parent, parent)).toBe(false);
      }),
    );
  });
});

describe('normaliseOrganisationName', () => {
  it('reads alike the names a person would take for one another', () => {
    const fabrikam = [
      'Fabrikam, Inc.', 'FABRIKAM INC', 'fabrikam', 'Fabríkam Incorporated', 'Fab Rikam Ltd', 'The Fabrikam Co., Ltd.', 'Fabrikam GmbH & Co. KG',
      'Fabrikam S.A.R.L.', 'Fabrikam B.V.', 'Fabrikam plc', 'Fabrikam LLC', 'Fabrikam Corp.', 'Fabrikam AG', 'Fabrikam SAS', 'Fabrikam SA',
      'Fаbrikаm Inc' /* Cyrillic а */, 'Fabrikam\u200B Inc' /* zero-width space */, 'Ｆａｂｒｉｋａｍ', '  Fabrikam   ,  Inc  ',
    ];
    for (const name of fabrikam) expect(normaliseOrganisationName(name), name).toBe('fabrikam');
  });

  it('keeps apart names that differ in more than that', () => {
    const keys = ['Fabrikam', 'Fabrikam Research', 'Fabrikam Group', 'Fabrikam 2', 'Fabricam', 'Contoso'].map(normaliseOrganisationName);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('does not strip a name down to nothing', () => {
    expect(normaliseOrganisationName('Limited')).toBe('limited');
    expect(normaliseOrganisationName('Co. Ltd.')).toBe('co');
    expect(normaliseOrganisationName('The')).toBe('the');
    expect(normaliseOrganisationName('!!!')).toBe('');
  });

  it('ignores case, accents, punctuation, spacing and a legal form added to any name', () => {
    const word = fc.stringMatching(/^[a-z]{2,8}$/).filter((w) => w !== 'the' && w !== 'and');
    const suffix = fc.constantFrom('', ' Inc.', ', Ltd', ' LLC', ' Corp', ' GmbH', ' S.A.', ' SAS', ' SARL', ' AG', ' B.V.', ' plc');
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 3 }), suffix, fc.constantFrom(' ', '  ', '-', ', ', '.'), (words, legal, gap) => {
        const plain = normaliseOrganisationName(words.join(' '));
        const dressed = words.map((w, i) => (i === 0 ? w.toUpperCase() : w.replace(/e/g, 'é'))).join(gap) + legal;
        // A name whose last word is itself a legal form loses it either way.
        expect(normaliseOrganisationName(dressed)).toBe(plain);
      }),
    );
  });
});

/** The rule restated pair by pair, plainly, to check the indexed one against. */
function naive(candidate: Organisation, others: readonly Organisation[]): LookalikeWarning[] {
  const out: LookalikeWarning[] = [];
  const verified = candidate.verifiedDomain !== null;
  if (!verified) out.push({ kind: 'unverified-domain' });
  const seen = new Set<string>();
  for (const o of others) {
    if (o.id === candidate.id || seen.has(o.id)) continue;
    seen.add(o.id);
    const key = normaliseOrganisationName(candidate.name);
    if (key !== '' && key === normaliseOrganisationName(o.name) && (!verified || o.verifiedDomain !== null)) out.push({ kind: 'same-name', otherId: o.id });
    if (!verified && o.verifiedDomain !== null) {
      if (normaliseDomain(candidate.domain) === normaliseDomain(o.verifiedDomain)) out.push({ kind: 'domain-verified-by-other', otherId: o.id });
      if (isSubdomainOf(candidate.domain, o.verifiedDomain)) out.push({ kind: 'subdomain-of-verified', otherId: o.id, otherDomain: normaliseDomain(o.verifiedDomain) ?? '' });
    }
  }
  return out;
}

const sorted = (ws: LookalikeWarning[]) => [...ws].map((w) => JSON.stringify(w)).sort();

const org = (id: string, name: string, domain: string, verified = false): Organisation => ({ id, name, domain, verifiedDomain: verified ? domain : null });

describe('lookalikeWarnings', () => {
  const real = org('real', 'Fabrikam, Inc.', 'fabrikam.example', true);

  it('flags the unverified copy of a verified organisation’s name, not the verified one', () => {
    const copy = org('copy', 'FABRIKAM INC', 'fabrikam-inc.example');
    expect(lookalikeWarnings(copy, [real, copy])).toEqual([{ kind: 'unverified-domain' }, { kind: 'same-name', otherId: 'real' }]);
    expect(lookalikeWarnings(real, [real, copy])).toEqual([]);
  });

  it('flags both of two unverified organisations of one name, and both of two verified ones', () => {
    const a = org('a', 'Contoso Ltd', 'contoso.example');
    const b = org('b', 'Contoso', 'contoso-ltd.example');
    expect(lookalikeWarnings(a, [a, b])).toEqual([{ kind: 'unverified-domain' }, { kind: 'same-name', otherId: 'b' }]);
    expect(lookalikeWarnings(b, [a, b])).toEqual([{ kind: 'unverified-domain' }, { kind: 'same-name', otherId: 'a' }]);
    const impostor = org('imp', 'Fabrikam Incorporated', 'fabrikam-inc.example', true);
    expect(lookalikeWarnings(real, [real, impostor])).toEqual([{ kind: 'same-name', otherId: 'imp' }]);
    expect(lookalikeWarnings(impostor, [real, impostor])).toEqual([{ kind: 'same-name', otherId: 'real' }]);
  });

  it('flags a domain under another’s verified domain, or the same domain, but not a domain merely ending alike', () => {
    const under = org('under', 'Sales', 'sales.fabrikam.example');
    const same = org('same', 'Not Fabrikam', 'Fabrikam.example.');
    const glued = org('glued', 'Evil', 'evilfabrikam.example');
    expect(lookalikeWarnings(under, [real])).toEqual([{ kind: 'unverified-domain' }, { kind: 'subdomain-of-verified', otherId: 'real', otherDomain: 'fabrikam.example' }]);
    expect(lookalikeWarnings(same, [real])).toEqual([{ kind: 'unverified-domain' }, { kind: 'domain-verified-by-other', otherId: 'real' }]);
    expect(lookalikeWarnings(glued, [real])).toEqual([{ kind: 'unverified-domain' }]);
  });

  it('trusts a verified subdomain: its holder let it in', () => {
    const research = org('research', 'Fabrikam Research', 'research.fabrikam.example', true);
    expect(lookalikeWarnings(research, [real])).toEqual([]);
  });

  it('ignores an unverified organisation’s claimed domain when judging others', () => {
    const claimer = org('claimer', 'Someone', 'fabrikam.example');
    expect(lookalikeWarnings(org('sub', 'Other', 'x.fabrikam.example'), [claimer])).toEqual([{ kind: 'unverified-domain' }]);
  });

  const name = fc.constantFrom('Fabrikam, Inc.', 'FABRIKAM', 'Fabrikam Ltd', 'Contoso', 'Contoso SA', 'Northwind', '!!');
  const dom = fc.constantFrom('fabrikam.example', 'sales.fabrikam.example', 'a.sales.fabrikam.example', 'evilfabrikam.example', 'contoso.example', 'FABRIKAM.example.');
  const orgs = fc
    .array(fc.record({ name, domain: dom, verified: fc.boolean() }), { minLength: 1, maxLength: 8 })
    .map((rows) => rows.map((r, i) => org(`o${i}`, r.name, r.domain, r.verified)));

  it('says what the rule says, pair by pair, whatever the order of the others', () => {
    fc.assert(
      fc.property(orgs, fc.nat(), (all, pick) => {
        const candidate = all[pick % all.length]!;
        const warnings = lookalikeWarnings(candidate, all);
        expect(sorted(warnings)).toEqual(sorted(naive(candidate, all)));
        expect(sorted(lookalikeWarnings(candidate, [...all].reverse()))).toEqual(sorted(warnings));
        expect(warnings.some((w) => 'otherId' in w && w.otherId === candidate.id)).toBe(false);
        if (candidate.verifiedDomain !== null) {
          expect(warnings.every((w) => w.kind === 'same-name')).toBe(true);
        } else {
          expect(warnings[0]).toEqual({ kind: 'unverified-domain' });
        }
      }),
    );
  });

  it('flags a same-name pair on at least one side, and on both unless exactly one is verified', () => {
    fc.assert(
      fc.property(orgs, (all) => {
        for (const a of all) {
          for (const b of all) {
            if (a.id === b.id || normaliseOrganisationName(a.name) !== normaliseOrganisationName(b.name) || normaliseOrganisationName(a.name) === '') continue;
            const aFlagged = lookalikeWarnings(a, all).some((w) => w.kind === 'same-name' && w.otherId === b.id);
            const bFlagged = lookalikeWarnings(b, all).some((w) => w.kind === 'same-name' && w.otherId === a.id);
            expect(aFlagged || bFlagged).toBe(true);
            if ((a.verifiedDomain === null) === (b.verifiedDomain === null)) expect(aFlagged && bFlagged).toBe(true);
            else expect(aFlagged).toBe(a.verifiedDomain === null);
          }
        }
      }),
    );
  });
});
