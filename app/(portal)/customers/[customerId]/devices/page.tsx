import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { PageHeading } from '@/components/page-heading';
import { Pager } from '@/components/pager';
import { SearchForm } from '@/components/search-form';
import { requireCustomerScopeForPage } from '@/lib/auth/actor';
import { can } from '@/lib/auth/principal';
import { CustomerTrustNotice } from '@/components/customer-trust';
import { DEVICE_SORT_KEYS, listBatches, listDevices } from '@/lib/data/devices';
import { customerTrust } from '@/lib/data/domains';
import { readTableQuery, type SearchParams } from '@/lib/data/paging';
import { AddDevices } from './_components/add-devices';
import { BatchesTable } from './_components/batches-table';
import { DevicesTable } from './_components/devices-table';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('devices'))('title') };
}

export default async function DevicesPage({
  params,
  searchParams,
}: {
  params: Promise<{ customerId: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const scope = await requireCustomerScopeForPage((await params).customerId);
  const { customer, principal } = scope;
  const query = readTableQuery(await searchParams, DEVICE_SORT_KEYS, { sort: 'added', dir: 'desc', pageSize: 25 });
  const [devices, batches, trust] = await Promise.all([listDevices(scope, query), listBatches(scope), customerTrust(principal, [customer.id])]);
  const t = await getTranslations('devices');
  const tc = await getTranslations('customers');
  return (
    <>
      <nav aria-label={t('breadcrumb')} style={{ marginBottom: 8 }}>
        <Link href="/customers">{tc('title')}</Link> / <Link href={`/customers/${customer.id}`}>{customer.name}</Link>
      </nav>
      <PageHeading title={t('title')} description={t('description', { customer: customer.name })} />

      <section aria-labelledby="apply-profiles" style={{ marginBottom: 32 }}>
        <h2 id="apply-profiles" style={{ fontSize: 20, fontWeight: 600 }}>
          {t('applyProfiles')}
        </h2>
        <p style={{ maxWidth: 720 }}>{t('applyProfilesHelp')}</p>
        {/* Before any device is registered: whether this is the organisation the partner means. */}
        <CustomerTrustNotice trust={trust[customer.id]} />
        <div style={{ display: 'flex', gap: 24, alignItems: 'center' }}>
          {can(principal, 'devices:add') && <AddDevices customerId={customer.id} customerName={customer.name} />}
          <a href="/autopilot-devices-sample.csv" download>
            {t('downloadSample')}
          </a>
        </div>
      </section>

      <section aria-labelledby="registered-devices" style={{ marginBottom: 32 }}>
        <h2 id="registered-devices" style={{ fontSize: 20, fontWeight: 600 }}>
          {t('registered')}
        </h2>
        <SearchForm label={t('search')} />
        <DevicesTable
          customerId={customer.id}
          rows={devices.rows}
          sort={{ key: query.sort, dir: query.dir }}
          canDelete={can(principal, 'devices:delete')}
        />
        <Pager page={devices.page} pageCount={devices.pageCount} total={devices.total} />
      </section>

      <section aria-labelledby="batches">
        <h2 id="batches" style={{ fontSize: 20, fontWeight: 600 }}>
          {t('batches.title')}
        </h2>
        <BatchesTable rows={batches} />
      </section>
    </>
  );
}
