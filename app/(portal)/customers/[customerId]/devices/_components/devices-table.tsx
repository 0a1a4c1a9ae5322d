'use client';

import { useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { useFormatter, useTranslations } from 'next-intl';
import { Button, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { DataTable, type DataTableColumn, type SortState } from '@/components/data-table';
import type { DeviceRow } from '@/lib/data/devices';
import { refusalKey } from '@/lib/actions/result';
import { deleteDeviceAction } from '../actions';

export function DevicesTable({
  customerId,
  rows,
  sort,
  canDelete,
}: {
  customerId: string;
  rows: DeviceRow[];
  sort: SortState;
  canDelete: boolean;
}) {
  const t = useTranslations('devices');
  const format = useFormatter();
  const [confirming, setConfirming] = useState<DeviceRow | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const router = useRouter();

  const columns: DataTableColumn<DeviceRow>[] = [
    { id: 'serial', header: t('columns.serialNumber'), cell: ({ row }) => row.original.serialNumber ?? '—' },
    { id: 'groupTag', header: t('columns.groupTag'), cell: ({ row }) => row.original.groupTag },
    { id: 'productKey', header: t('columns.productKey'), cell: ({ row }) => row.original.productKey ?? '—' },
    {
      id: 'model',
      header: t('columns.model'),
      cell: ({ row }) => [row.original.manufacturer, row.original.model].filter(Boolean).join(' ') || '—',
    },
    { id: 'hash', header: t('columns.hash'), cell: ({ row }) => (row.original.hasHash ? t('yes') : t('no')) },
    {
      id: 'added',
      header: t('columns.added'),
      cell: ({ row }) => format.dateTime(new Date(row.original.added), { dateStyle: 'medium', timeStyle: 'short' }),
    },
    ...(canDelete
      ? [
          {
            id: 'actions',
            header: t('columns.actions'),
            cell: ({ row }) => (
              <Button
                size="small"
                onClick={() => setConfirming(row.original)}
                aria-label={t('deleteDevice', { serial: row.original.serialNumber ?? row.original.productKey ?? row.original.id })}
              >
                {t('delete')}
              </Button>
            ),
          } satisfies DataTableColumn<DeviceRow>,
        ]
      : []),
  ];

  return (
    <>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      <DataTable
        label={t('registered')}
        columns={columns}
        data={rows}
        getRowId={(row) => row.id}
        sort={sort}
        sortable={{ serial: 'serial', groupTag: 'groupTag', added: 'added' }}
        emptyText={t('empty')}
      />
      <ConfirmDialog
        open={confirming !== null}
        title={t('confirmDelete.title')}
        confirmLabel={t('confirmDelete.confirm')}
        cancelLabel={t('cancel')}
        pending={pending}
        onCancel={() => setConfirming(null)}
        onConfirm={() =>
          startTransition(async () => {
            if (!confirming) return;
            const result = await deleteDeviceAction({ customerId, deviceId: confirming.id });
            setConfirming(null);
            const key = result.ok ? null : refusalKey(result.error);
            setError(key === null ? null : t(`deleteRefused.${key === 'not-signed-in' || key === 'forbidden' || key === 'unavailable' ? key : 'not-found'}`));
            router.refresh();
          })
        }
      >
        {t('confirmDelete.body', { serial: confirming?.serialNumber ?? confirming?.productKey ?? '' })}
      </ConfirmDialog>
    </>
  );
}
