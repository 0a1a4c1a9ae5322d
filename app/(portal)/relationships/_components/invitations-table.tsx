'use client';

import { useTransition } from 'react';
import { useFormatter, useTranslations } from 'next-intl';
import { Button } from '@fluentui/react-components';
import { DataTable, type DataTableColumn } from '@/components/data-table';
import type { InvitationRow } from '@/lib/data/relationships';
import { cancelInvitationAction } from '../actions';

type Row = InvitationRow & { url: string | null };

export function InvitationsTable({ rows, canCancel }: { rows: Row[]; canCancel: boolean }) {
  const t = useTranslations('relationships.invitations');
  const format = useFormatter();
  const [pending, startTransition] = useTransition();
  const columns: DataTableColumn<Row>[] = [
    { id: 'organisation', header: t('organisation'), cell: ({ row }) => row.original.organisationName },
    { id: 'email', header: t('adminEmail'), cell: ({ row }) => row.original.adminEmail },
    { id: 'status', header: t('status'), cell: ({ row }) => t(`statuses.${row.original.status}`) },
    {
      id: 'expires',
      header: t('expires'),
      cell: ({ row }) => format.dateTime(new Date(row.original.expiresAt), { dateStyle: 'medium', timeStyle: 'short' }),
    },
    {
      id: 'actions',
      header: t('actions'),
      cell: ({ row }) =>
        row.original.url ? (
          <div style={{ display: 'flex', gap: 8 }}>
            <Button size="small" onClick={() => navigator.clipboard.writeText(row.original.url!)} aria-label={t('copyFor', { organisation: row.original.organisationName })}>
              {t('copy')}
            </Button>
            {canCancel && (
              <Button
                size="small"
                disabled={pending}
                aria-label={t('cancelFor', { organisation: row.original.organisationName })}
                onClick={() => startTransition(async () => void (await cancelInvitationAction({ invitationId: row.original.id })))}
              >
                {t('cancel')}
              </Button>
            )}
          </div>
        ) : null,
    },
  ];
  return <DataTable label={t('title')} columns={columns} data={rows} getRowId={(r) => r.id} emptyText={t('empty')} />;
}
