import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { PageHeading } from '@/components/page-heading';
import { requireCustomerScopeForPage } from '@/lib/auth/actor';
import { can } from '@/lib/auth/principal';
import { CustomerTrustNotice, DomainWithTrust } from '@/components/customer-trust';
import { customerTrust } from '@/lib/data/domains';
import { RemoveRelationship } from './_components/remove-relationship';

type Params = Promise<{ customerId: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { customer } = await requireCustomerScopeForPage((await params).customerId);
  return { title: customer.name };
}

export default async function CustomerPage({ params }: { params: Params }) {
  const scope = await requireCustomerScopeForPage((await params).customerId);
  const { customer } = scope;
  const t = await getTranslations('customer');
  const tc = await getTranslations('customers');
  const format = await getFormatter();
  const trust = (await customerTrust(scope.principal, [customer.id]))[customer.id];
  return (
    <>
      <nav aria-label={t('breadcrumb')} style={{ marginBottom: 8 }}>
        <Link href="/customers">{tc('title')}</Link>
      </nav>
      <PageHeading title={customer.name} />
      <CustomerTrustNotice trust={trust} />
      <dl style={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: '8px 24px', margin: '0 0 24px' }}>
        <dt>{t('domain')}</dt>
        <dd style={{ margin: 0 }}>
          <DomainWithTrust domain={customer.domain} trust={trust} />
        </dd>
        <dt>{t('relationship')}</dt>
        <dd style={{ margin: 0 }}>{tc(`kind.${scope.kind}`)}</dd>
        <dt>{t('since')}</dt>
        <dd style={{ margin: 0 }}>
          {scope.since ? format.dateTime(new Date(scope.since), { dateStyle: 'long' }) : '—'}
        </dd>
      </dl>
      <h2 style={{ fontSize: 20, fontWeight: 600 }}>{t('manage')}</h2>
      <ul>
        <li>
          <Link href={`/customers/${customer.id}/devices`}>{t('devices')}</Link>
        </li>
      </ul>
      {can(scope.principal, 'relationships:remove') && (
        <RemoveRelationship customerId={customer.id} customerName={customer.name} kind={scope.kind} />
      )}
    </>
  );
}
