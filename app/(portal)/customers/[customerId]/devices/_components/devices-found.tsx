'use client';

import { useTranslations } from 'next-intl';
import { Text } from '@fluentui/react-components';
import { DataTable, type DataTableColumn } from '@/components/data-table';
import type { ListedDevice } from '@/lib/autopilot';
import { usePlace } from './problem-list';

/** The devices the browser read from the files, before anything is sent (the first 100). */
export function DevicesFound({ devices }: { devices: ListedDevice[] }) {
  const t = useTranslations('addDevices');
  const td = useTranslations('devices');
  const place = usePlace();
  const shown = devices.slice(0, 100);
  const columns: DataTableColumn<ListedDevice>[] = [
    { id: 'place', header: t('columns.place'), cell: ({ row }) => place(row.original) },
    { id: 'serial', header: td('columns.serialNumber'), cell: ({ row }) => row.original.serialNumber ?? '—' },
    { id: 'productKey', header: td('columns.productKey'), cell: ({ row }) => row.original.productKey ?? '—' },
    { id: 'hash', header: td('columns.hash'), cell: ({ row }) => (row.original.hardwareHash ? td('yes') : td('no')) },
  ];
  return (
    <div>
      <Text weight="semibold">{t('found', { count: devices.length })}</Text>
      <DataTable label={t('foundTable')} columns={columns} data={shown} getRowId={(d) => `${d.file}:${d.line}`} emptyText="" />
      {devices.length > shown.length && <Text size={200}>{t('foundMore', { count: devices.length - shown.length })}</Text>}
    </div>
  );
}
