'use client';

import { useActionState, useState } from 'react';
import { useTranslations } from 'next-intl';
import { Button, Field, Input, MessageBar, MessageBarBody, Radio, RadioGroup } from '@fluentui/react-components';
import { refusedField, typedValue, type FormState } from '@/lib/actions/result';
import { invitePersonAction } from '../actions';

/** "Invite people": email, name and (for a partner) role; the invitation goes by email. */
export function InvitePeople({ side }: { side: 'partner' | 'customer' }) {
  const t = useTranslations('people');
  const [open, setOpen] = useState(false);
  const [state, action, pending] = useActionState<FormState<{ email: string; mailed: boolean }>, FormData>(invitePersonAction, null);
  const typed = (field: string) => typedValue(state, field);
  // A new form after each answer: empty after an invitation, as typed after a refusal.
  const k = JSON.stringify(state);
  const reason = state && !state.ok ? state.error.reason : undefined;
  return (
    <section style={{ display: 'flex', flexDirection: 'column', gap: 12, maxWidth: 720, marginBottom: 24 }}>
      {state?.ok && (
        <MessageBar intent={state.data.mailed ? 'success' : 'warning'} role="status" layout="multiline">
          <MessageBarBody>{t(state.data.mailed ? 'invited' : 'invitedNotMailed', { email: state.data.email })}</MessageBarBody>
        </MessageBar>
      )}
      {state && !state.ok && (reason === 'email-taken' || reason === 'mail-not-configured' || state.error.code === 'FORBIDDEN') && (
        <MessageBar intent="error" role="alert" layout="multiline">
          <MessageBarBody>{t(`refused.${state.error.code === 'FORBIDDEN' ? 'forbidden' : reason}`)}</MessageBarBody>
        </MessageBar>
      )}
      {open ? (
        <form action={action} key={k} style={{ display: 'flex', flexDirection: 'column', gap: 12, maxWidth: 480 }}>
          <Field label={t('email')} required validationMessage={refusedField(state, 'email') ? t('invalidEmail') : undefined}>
            <Input name="email" type="email" defaultValue={typed('email')} autoComplete="off" />
          </Field>
          <Field label={t('name')} required validationMessage={refusedField(state, 'name') ? t('invalidName') : undefined}>
            <Input name="name" defaultValue={typed('name')} autoComplete="off" />
          </Field>
          {side === 'partner' ? (
            <Field label={t('role')} required validationMessage={refusedField(state, 'role') ? t('invalidRole') : undefined}>
              <RadioGroup name="role" defaultValue={typed('role') || 'PARTNER_SALES'}>
                <Radio value="PARTNER_ADMIN" label={t('roles.PARTNER_ADMIN')} />
                <Radio value="PARTNER_SALES" label={t('roles.PARTNER_SALES')} />
              </RadioGroup>
            </Field>
          ) : (
            <input type="hidden" name="role" value="" />
          )}
          <div style={{ display: 'flex', gap: 8 }}>
            <Button appearance="primary" type="submit" disabled={pending}>
              {t('send')}
            </Button>
            <Button onClick={() => setOpen(false)}>{t('cancel')}</Button>
          </div>
        </form>
      ) : (
        <div>
          <Button appearance="primary" onClick={() => setOpen(true)}>
            {t('invite')}
          </Button>
        </div>
      )}
    </section>
  );
}
