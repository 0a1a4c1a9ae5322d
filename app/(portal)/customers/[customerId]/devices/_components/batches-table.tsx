'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { DataTable, type DataTableColumn } from '@/components/data-table';
import type { BatchRow } from '@/lib/data/devices';

export function BatchesTable({ rows }: { rows: BatchRow[] }) {
  const t = useTranslations('devices.batches');
  const format = useFormatter();
  const columns: DataTableColumn<BatchRow>[] = [
    {
      id: 'when',
      header: t('columns.when'),
      cell: ({ row }) => format.dateTime(new Date(row.original.createdAt), { dateStyle: 'medium', timeStyle: 'short' }),
    },
    { id: 'who', header: t('columns.who'), cell: ({ row }) => row.original.uploadedBy ?? '—' },
    { id: 'count', header: t('columns.count'), cell: ({ row }) => format.number(row.original.deviceCount) },
    { id: 'groupTag', header: t('columns.groupTag'), cell: ({ row }) => row.original.groupTag },
    {
      id: 'source',
      header: t('columns.source'),
      cell: ({ row }) => `${t(`source.${row.original.source}`)}: ${row.original.sourceDetail}`,
    },
  ];
  return <DataTable label={t('title')} columns={columns} data={rows} getRowId={(row) => row.id} emptyText={t('empty')} />;
}
