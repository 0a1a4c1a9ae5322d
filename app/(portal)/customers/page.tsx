import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { Notice } from '@/components/notice';
import { Pager } from '@/components/pager';
import { PageHeading } from '@/components/page-heading';
import { SearchForm } from '@/components/search-form';
import { requireAgent } from '@/lib/auth/actor';
import { CUSTOMER_SORT_KEYS, listCustomers } from '@/lib/data/customers';
import { customerTrust } from '@/lib/data/domains';
import { readTableQuery, type SearchParams } from '@/lib/data/paging';
import { CustomersTable } from './_components/customers-table';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('customers'))('title') };
}

export default async function CustomersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireAgent();
  const params = await searchParams;
  const query = readTableQuery(params, CUSTOMER_SORT_KEYS, { sort: 'name', dir: 'asc', pageSize: 20 });
  const page = await listCustomers(actor, query);
  const trust = await customerTrust(actor, page.rows.map((r) => r.id));
  const t = await getTranslations('customers');
  return (
    <>
      <PageHeading title={t('title')} description={t('description')} />
      {params.removed && <Notice intent="success">{t('removed')}</Notice>}
      <div style={{ display: 'flex', gap: 24, alignItems: 'center', marginBottom: 12 }}>
        <SearchForm label={t('search')} />
        <Link href="/relationships">{t(actor.partnerKind === 'OEM' ? 'requestOEM' : 'requestRESELLER')}</Link>
      </div>
      <CustomersTable rows={page.rows} sort={{ key: query.sort, dir: query.dir }} trust={trust} />
      <Pager page={page.page} pageCount={page.pageCount} total={page.total} />
    </>
  );
}
