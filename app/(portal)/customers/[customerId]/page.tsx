import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { PageHeading } from '@/components/page-heading';
import { requirePartnerActor } from '@/lib/auth/actor';
import { findCustomer, getCustomerOrThrow } from '@/lib/data/customers';
import { RemoveRelationship } from './_components/remove-relationship';

type Params = Promise<{ customerId: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const actor = await requirePartnerActor();
  const customer = await findCustomer(actor, (await params).customerId);
  return { title: customer?.name };
}

export default async function CustomerPage({ params }: { params: Params }) {
  const actor = await requirePartnerActor();
  const customer = await getCustomerOrThrow(actor, (await params).customerId);
  const t = await getTranslations('customer');
  const tc = await getTranslations('customers');
  const format = await getFormatter();
  return (
    <>
      <nav aria-label={t('breadcrumb')} style={{ marginBottom: 8 }}>
        <Link href="/customers">{tc('title')}</Link>
      </nav>
      <PageHeading title={customer.name} />
      <dl style={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: '8px 24px', margin: '0 0 24px' }}>
        <dt>{t('domain')}</dt>
        <dd style={{ margin: 0 }}>{customer.domain}</dd>
        <dt>{t('relationship')}</dt>
        <dd style={{ margin: 0 }}>{tc(`kind.${customer.relationship.kind}`)}</dd>
        <dt>{t('since')}</dt>
        <dd style={{ margin: 0 }}>
          {customer.relationship.since ? format.dateTime(new Date(customer.relationship.since), { dateStyle: 'long' }) : '—'}
        </dd>
      </dl>
      <h2 style={{ fontSize: 20, fontWeight: 600 }}>{t('manage')}</h2>
      <ul>
        <li>
          <Link href={`/customers/${customer.id}/devices`}>{t('devices')}</Link>
        </li>
      </ul>
      {actor.role === 'PARTNER_ADMIN' && (
        <RemoveRelationship customerId={customer.id} customerName={customer.name} kind={customer.relationship.kind} />
      )}
    </>
  );
}
