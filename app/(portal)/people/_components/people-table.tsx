'use client';

import { useState, useTransition } from 'react';
import { useFormatter, useTranslations } from 'next-intl';
import { Badge, Button, MessageBar, MessageBarBody, Select } from '@fluentui/react-components';
import { DataTable, type DataTableColumn } from '@/components/data-table';
import type { ActionResult } from '@/lib/actions/result';
import type { Member } from '@/lib/data/members';
import { changeRoleAction, deactivatePersonAction, reactivatePersonAction, resendInvitationAction } from '../actions';

export type PersonRow = Omit<Member, 'createdAt'> & { createdAt: string; self: boolean };

export function PeopleTable({ rows, manages, side }: { rows: PersonRow[]; manages: boolean; side: 'partner' | 'customer' }) {
  const t = useTranslations('people');
  const format = useFormatter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ intent: 'success' | 'error'; text: string } | null>(null);

  function run(action: () => Promise<ActionResult<unknown>>, done: string) {
    startTransition(async () => {
      const result = await action();
      if (result.ok) setMessage({ intent: 'success', text: done });
      else setMessage({ intent: 'error', text: t(`refused.${result.error.reason === 'last-admin' || result.error.reason === 'self' || result.error.reason === 'mail-not-configured' ? result.error.reason : result.error.code === 'FORBIDDEN' ? 'forbidden' : 'failed'}`) });
    });
  }

  const columns: DataTableColumn<PersonRow>[] = [
    { id: 'name', header: t('name'), cell: ({ row }) => (row.original.self ? t('you', { name: row.original.name }) : row.original.name) },
    { id: 'email', header: t('email'), cell: ({ row }) => row.original.email },
    {
      id: 'role',
      header: t('role'),
      cell: ({ row }) =>
        manages && side === 'partner' && row.original.status !== 'deactivated' && !row.original.self ? (
          <Select
            aria-label={t('roleFor', { name: row.original.name })}
            value={row.original.role}
            disabled={pending}
            onChange={(_, data) => run(() => changeRoleAction({ userId: row.original.id, role: data.value }), t('roleChanged', { name: row.original.name }))}
          >
            <option value="PARTNER_ADMIN">{t('roles.PARTNER_ADMIN')}</option>
            <option value="PARTNER_SALES">{t('roles.PARTNER_SALES')}</option>
          </Select>
        ) : (
          t(`roles.${row.original.role}`)
        ),
    },
    {
      id: 'status',
      header: t('status'),
      cell: ({ row }) => (
        <Badge appearance="tint" color={row.original.status === 'active' ? 'success' : row.original.status === 'invited' ? 'informative' : 'subtle'}>
          {t(`statuses.${row.original.status}`)}
        </Badge>
      ),
    },
    { id: 'mfa', header: t('mfa'), cell: ({ row }) => t(row.original.mfa ? 'mfaOn' : 'mfaOff') },
    { id: 'since', header: t('since'), cell: ({ row }) => format.dateTime(new Date(row.original.createdAt), { dateStyle: 'medium' }) },
  ];
  if (manages) {
    columns.push({
      id: 'actions',
      header: t('actions'),
      cell: ({ row }) => {
        const person = row.original;
        if (person.self) return null;
        return (
          <div style={{ display: 'flex', gap: 8 }}>
            {person.status === 'invited' && (
              <Button size="small" disabled={pending} onClick={() => run(() => resendInvitationAction({ userId: person.id }), t('resent', { email: person.email }))}>
                {t('resend')}
              </Button>
            )}
            {person.status === 'deactivated' ? (
              <Button size="small" disabled={pending} onClick={() => run(() => reactivatePersonAction({ userId: person.id }), t('reactivated', { name: person.name }))}>
                {t('reactivate')}
              </Button>
            ) : (
              <Button size="small" disabled={pending} onClick={() => run(() => deactivatePersonAction({ userId: person.id }), t('deactivated', { name: person.name }))}>
                {t('deactivate')}
              </Button>
            )}
          </div>
        );
      },
    });
  }
  return (
    <>
      {message && (
        <MessageBar intent={message.intent} role={message.intent === 'error' ? 'alert' : 'status'} style={{ marginBottom: 12 }}>
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      )}
      <DataTable label={t('title')} columns={columns} data={rows} getRowId={(r) => r.id} emptyText={t('empty')} />
    </>
  );
}
