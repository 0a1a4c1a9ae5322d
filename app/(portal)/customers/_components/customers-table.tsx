'use client';

import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';
import { DataTable, type DataTableColumn, type SortState } from '@/components/data-table';
import { DomainWithTrust } from '@/components/customer-trust';
import type { CustomerRow } from '@/lib/data/customers';
import type { CustomerTrust } from '@/lib/data/domains';

export function CustomersTable({ rows, sort, trust }: { rows: CustomerRow[]; sort: SortState; trust: Record<string, CustomerTrust> }) {
  const t = useTranslations('customers');
  const format = useFormatter();
  const columns: DataTableColumn<CustomerRow>[] = [
    {
      id: 'name',
      header: t('columns.name'),
      cell: ({ row }) => <Link href={`/customers/${row.original.id}`}>{row.original.name}</Link>,
    },
    { id: 'domain', header: t('columns.domain'), cell: ({ row }) => <DomainWithTrust domain={row.original.domain} trust={trust[row.original.id]} /> },
    { id: 'kind', header: t('columns.relationship'), cell: ({ row }) => t(`kind.${row.original.kind}`) },
    {
      id: 'since',
      header: t('columns.since'),
      cell: ({ row }) => (row.original.since ? format.dateTime(new Date(row.original.since), { dateStyle: 'medium' }) : '—'),
    },
  ];
  return (
    <DataTable
      label={t('title')}
      columns={columns}
      data={rows}
      getRowId={(row) => row.id}
      sort={sort}
      sortable={{ name: 'name', domain: 'domain', since: 'since' }}
      emptyText={t('empty')}
    />
  );
}
