'use client';

import { useState, useTransition } from 'react';
import { useFormatter, useTranslations } from 'next-intl';
import { Button, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { DataTable, type DataTableColumn } from '@/components/data-table';
import type { PartnerRelationshipRow } from '@/lib/data/partners';
import { removePartnerAction } from '../actions';

export function PartnersTable({ rows }: { rows: PartnerRelationshipRow[] }) {
  const t = useTranslations('partnerRelationships');
  const tc = useTranslations('customers');
  const format = useFormatter();
  const [removing, setRemoving] = useState<PartnerRelationshipRow | null>(null);
  const [removed, setRemoved] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const columns: DataTableColumn<PartnerRelationshipRow>[] = [
    { id: 'partner', header: t('columns.partner'), cell: ({ row }) => row.original.partnerName },
    { id: 'kind', header: t('columns.kind'), cell: ({ row }) => tc(`kind.${row.original.kind}`) },
    { id: 'may', header: t('columns.may'), cell: ({ row }) => t(`may.${row.original.kind}`) },
    {
      id: 'since',
      header: t('columns.since'),
      cell: ({ row }) => (row.original.since ? format.dateTime(new Date(row.original.since), { dateStyle: 'medium' }) : '—'),
    },
    { id: 'approvedBy', header: t('columns.approvedBy'), cell: ({ row }) => row.original.approvedBy ?? '—' },
    {
      id: 'actions',
      header: t('columns.actions'),
      cell: ({ row }) => (
        <Button size="small" onClick={() => setRemoving(row.original)} aria-label={t('removeFor', { partner: row.original.partnerName })}>
          {t('remove')}
        </Button>
      ),
    },
  ];
  return (
    <>
      {removed && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{t('removed', { partner: removed })}</MessageBarBody>
        </MessageBar>
      )}
      <DataTable label={t('title')} columns={columns} data={rows} getRowId={(r) => r.id} emptyText={t('empty')} />
      <ConfirmDialog
        open={removing !== null}
        title={t('confirmTitle', { partner: removing?.partnerName ?? '' })}
        confirmLabel={t('remove')}
        cancelLabel={t('cancel')}
        pending={pending}
        onCancel={() => setRemoving(null)}
        onConfirm={() =>
          startTransition(async () => {
            if (!removing) return;
            const result = await removePartnerAction({ relationshipId: removing.id });
            if (result.ok) setRemoved(removing.partnerName);
            setRemoving(null);
          })
        }
      >
        {t('confirmBody', { partner: removing?.partnerName ?? '' })}
      </ConfirmDialog>
    </>
  );
}
