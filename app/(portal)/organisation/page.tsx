import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { Notice } from '@/components/notice';
import { PageHeading } from '@/components/page-heading';
import { requireCustomerAdmin } from '@/lib/auth/actor';
import { domainVerificationState } from '@/lib/services/domain-verification';
import { VerifyDomain } from './verify-domain';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('organisation'))('title') };
}

/** A customer organisation's identity: its domain, and how to prove it holds it. */
export default async function OrganisationPage() {
  const admin = await requireCustomerAdmin();
  const t = await getTranslations('organisation');
  const format = await getFormatter();
  const state = await domainVerificationState(admin);
  return (
    <>
      <PageHeading title={t('title')} description={t('description')} />
      <dl style={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: '8px 24px', margin: '0 0 24px' }}>
        <dt>{t('name')}</dt>
        <dd style={{ margin: 0 }}>{admin.customerName}</dd>
        <dt>{t('domain')}</dt>
        <dd style={{ margin: 0 }}>{state.domain}</dd>
        <dt>{t('status')}</dt>
        <dd style={{ margin: 0 }}>
          {state.verifiedDomain && state.verifiedAt
            ? t(`verifiedBy.${state.verifiedBy ?? 'dns'}`, { date: format.dateTime(new Date(state.verifiedAt), { dateStyle: 'long' }) })
            : t('unverified')}
        </dd>
        {state.entraTenantId && (
          <>
            <dt>{t('entraTenant')}</dt>
            <dd style={{ margin: 0, fontFamily: 'monospace' }}>{state.entraTenantId}</dd>
          </>
        )}
      </dl>
      {!state.verifiedDomain &&
        (admin.emailVerified ? (
          <VerifyDomain recordName={state.recordName} recordValue={state.recordValue} domain={state.domain} />
        ) : (
          <Notice intent="info">{t('confirmEmailFirst')}</Notice>
        ))}
    </>
  );
}
