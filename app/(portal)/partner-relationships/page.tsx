import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { Notice } from '@/components/notice';
import { PageHeading } from '@/components/page-heading';
import { RelationshipHistory } from '@/components/relationship-history';
import { requireCustomerAdmin } from '@/lib/auth/actor';
import { listPartnerRelationships } from '@/lib/data/partners';
import { customerRelationshipHistory } from '@/lib/data/relationships';
import { PartnersTable } from './_components/partners-table';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('partnerRelationships'))('title') };
}

export default async function PartnerRelationshipsPage({ searchParams }: { searchParams: Promise<{ accepted?: string; declined?: string }> }) {
  const actor = await requireCustomerAdmin();
  const { accepted, declined } = await searchParams;
  const [rows, history] = await Promise.all([listPartnerRelationships(actor), customerRelationshipHistory(actor)]);
  const t = await getTranslations('partnerRelationships');
  return (
    <>
      <PageHeading title={t('title')} description={t('description', { customer: actor.customerName })} />
      {accepted && <Notice intent="success">{t('accepted', { partner: accepted })}</Notice>}
      {declined && <Notice intent="info">{t('declined', { partner: declined })}</Notice>}
      <PartnersTable rows={rows} />
      <section aria-labelledby="history" style={{ marginTop: 32 }}>
        <h2 id="history" style={{ fontSize: 20, fontWeight: 600 }}>
          {t('history')}
        </h2>
        <RelationshipHistory rows={history} side="customer" />
      </section>
    </>
  );
}
