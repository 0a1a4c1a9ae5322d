'use client';

import { useLocale, useTranslations } from 'next-intl';
import { Button, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { DataTable, type DataTableColumn } from '@/components/data-table';
import type { Lang } from '@/lib/autopilot';
import type { UploadedDevice, UploadOutcome } from '../actions';
import { downloadReport, usePlace } from './problem-list';

/** What became of every device of the upload: registered, or why not. */
export function UploadResult({ result }: { result: UploadOutcome }) {
  const t = useTranslations('addDevices');
  const lang = useLocale() as Lang;
  const place = usePlace();
  const refused = result.devices.filter((d) => d.status === 'refused');
  const statusText = (d: UploadedDevice) => (d.error ? `${t(`error.${d.error.name}`)} (${d.error.name})` : t('registered'));
  const columns: DataTableColumn<UploadedDevice>[] = [
    { id: 'place', header: t('columns.place'), cell: ({ row }) => place(row.original) },
    { id: 'serial', header: t('columns.serialNumber'), cell: ({ row }) => row.original.serialNumber ?? row.original.productKey ?? '—' },
    { id: 'status', header: t('columns.status'), cell: ({ row }) => statusText(row.original) },
  ];
  return (
    <>
      <MessageBar intent={refused.length ? 'warning' : 'success'} role="status" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{t('added', { count: result.registered })}</MessageBarTitle>
          {refused.length > 0 && t('notAdded', { count: refused.length })}
        </MessageBarBody>
      </MessageBar>
      {refused.length > 0 && (
        <Button
          size="small"
          onClick={() =>
            downloadReport(
              [],
              refused.map((d) => ({
                file: d.file,
                line: d.line,
                serialNumber: d.serialNumber,
                errorName: d.error?.name ?? '',
                errorCode: d.error?.code ?? 0,
                message: statusText(d),
              })),
              lang,
            )
          }
        >
          {t('downloadReport')}
        </Button>
      )}
      <DataTable
        label={t('resultTable')}
        columns={columns}
        data={result.devices}
        getRowId={(d) => `${d.file}:${d.line}`}
        emptyText=""
      />
    </>
  );
}
