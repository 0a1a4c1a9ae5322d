'use client';

import { useTransition } from 'react';
import { useFormatter, useTranslations } from 'next-intl';
import { Button } from '@fluentui/react-components';
import { DataTable, type DataTableColumn } from '@/components/data-table';
import type { ApiKeyRow } from '@/lib/data/api-keys';
import { revokeApiKeyAction } from '../actions';

export function ApiKeysTable({ rows }: { rows: ApiKeyRow[] }) {
  const t = useTranslations('apiKeys');
  const format = useFormatter();
  const [pending, startTransition] = useTransition();
  const date = (iso: string | null) => (iso ? format.dateTime(new Date(iso), { dateStyle: 'medium', timeStyle: 'short' }) : t('never'));
  const columns: DataTableColumn<ApiKeyRow>[] = [
    { id: 'name', header: t('name'), cell: ({ row }) => row.original.name },
    { id: 'prefix', header: t('prefix'), cell: ({ row }) => <code>{row.original.prefix}…</code> },
    { id: 'scopes', header: t('scopes'), cell: ({ row }) => row.original.scopes.map((s) => t(`scope.${s}`)).join(', ') },
    { id: 'created', header: t('createdAt'), cell: ({ row }) => date(row.original.createdAt) },
    { id: 'used', header: t('lastUsed'), cell: ({ row }) => date(row.original.lastUsedAt) },
    { id: 'status', header: t('status'), cell: ({ row }) => (row.original.revokedAt ? t('revokedOn', { date: date(row.original.revokedAt) }) : t('active')) },
    {
      id: 'actions',
      header: t('actions'),
      cell: ({ row }) =>
        row.original.revokedAt ? null : (
          <Button
            size="small"
            disabled={pending}
            aria-label={t('revokeFor', { name: row.original.name })}
            onClick={() => {
              if (window.confirm(t('confirmRevoke', { name: row.original.name }))) {
                startTransition(async () => void (await revokeApiKeyAction({ id: row.original.id })));
              }
            }}
          >
            {t('revoke')}
          </Button>
        ),
    },
  ];
  return <DataTable label={t('title')} columns={columns} data={rows} getRowId={(r) => r.id} emptyText={t('empty')} />;
}
