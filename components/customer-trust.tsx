'use client';

import { useTranslations } from 'next-intl';
import { Badge, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { CustomerTrust } from '@/lib/data/domains';

/**
 * What a partner must know before registering devices for a customer: an
 * unverified domain, or a name or domain like another organisation's (an
 * impostor may have accepted the partner's link). Nothing for a customer
 * whose domain is verified and that looks like no one else.
 */
export function CustomerTrustNotice({ trust }: { trust: CustomerTrust | undefined }) {
  const t = useTranslations('trust');
  if (!trust || trust.warnings.length === 0) return null;
  const sameName = trust.warnings.filter((w) => w.kind === 'same-name').length;
  const lines = [
    ...trust.warnings.filter((w) => w.kind === 'unverified-domain').map(() => t('unverified-domain', { domain: trust.domain })),
    ...trust.warnings.filter((w) => w.kind === 'domain-verified-by-other').map(() => t('domain-verified-by-other', { domain: trust.domain })),
    ...trust.warnings.flatMap((w) => (w.kind === 'subdomain-of-verified' ? [t('subdomain-of-verified', { domain: trust.domain, other: w.otherDomain })] : [])),
    ...(sameName > 0 ? [t('same-name', { count: sameName })] : []),
  ];
  return (
    <MessageBar intent="warning" layout="multiline" style={{ marginBottom: 16 }}>
      <MessageBarBody>
        <MessageBarTitle>{t('title')}</MessageBarTitle>
        <ul style={{ margin: '4px 0', paddingLeft: 20 }}>
          {[...new Set(lines)].map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
        {t('advice')}
      </MessageBarBody>
    </MessageBar>
  );
}

/** The customer's domain in a list: verified, or not; and a look-alike mark. */
export function DomainWithTrust({ trust, domain }: { trust: CustomerTrust | undefined; domain: string }) {
  const t = useTranslations('trust');
  const verified = trust?.verifiedDomain === domain;
  const lookalike = trust?.warnings.some((w) => w.kind !== 'unverified-domain') ?? false;
  return (
    <span style={{ display: 'inline-flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
      <span>{domain}</span>
      <Badge appearance="tint" color={verified ? 'success' : 'warning'}>
        {t(verified ? 'verified' : 'unverified')}
      </Badge>
      {lookalike && (
        <Badge appearance="filled" color="danger">
          {t('lookalike')}
        </Badge>
      )}
    </span>
  );
}
