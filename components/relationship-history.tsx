'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { DataTable, type DataTableColumn } from './data-table';
import type { HistoryRow as RelationshipEvent } from '@/lib/data/relationships';

/** A relationship's history from the audit log: requested, accepted, declined, removed; who and when. */
export function RelationshipHistory({ rows, side }: { rows: RelationshipEvent[]; side: 'partner' | 'customer' }) {
  const t = useTranslations('history');
  const format = useFormatter();
  const columns: DataTableColumn<RelationshipEvent>[] = [
    { id: 'at', header: t('when'), cell: ({ row }) => format.dateTime(new Date(row.original.at), { dateStyle: 'medium', timeStyle: 'short' }) },
    { id: 'what', header: t('what'), cell: ({ row }) => t(`actions.${row.original.action.replace('.', '_')}`) },
    {
      id: 'with',
      header: side === 'partner' ? t('customer') : t('partner'),
      cell: ({ row }) => (side === 'partner' ? row.original.customerName ?? row.original.organisationName : row.original.partnerName) ?? '—',
    },
    { id: 'who', header: t('who'), cell: ({ row }) => row.original.actorEmail ?? '—' },
  ];
  return <DataTable label={t('title')} columns={columns} data={rows} getRowId={(r) => r.id} emptyText={t('empty')} />;
}
