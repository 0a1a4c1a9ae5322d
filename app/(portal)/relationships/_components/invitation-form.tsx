'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { Button, Field, Input, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { refusedField, type FormState } from '@/lib/actions/result';
import type { MailOutcome } from '@/lib/mail/send';
import { createInvitationAction } from '../actions';

export function InvitationForm() {
  const t = useTranslations('relationships.invitations');
  const [state, action, pending] = useActionState<FormState<{ organisationName: string; adminEmail: string; mail: MailOutcome }>, FormData>(createInvitationAction, null);
  const values: Record<string, string | undefined> = (state && !state.ok && state.values) || {};
  const k = JSON.stringify(values);
  return (
    <form action={action} style={{ display: 'flex', gap: 16, alignItems: 'flex-end', flexWrap: 'wrap', marginBottom: 16 }}>
      <Field label={t('organisation')} required validationMessage={refusedField(state, 'organisationName') ? t('organisationInvalid') : undefined}>
        <Input key={`o-${k}`} name="organisationName" defaultValue={values.organisationName} />
      </Field>
      <Field label={t('adminEmail')} required validationMessage={refusedField(state, 'adminEmail') ? t('adminEmailInvalid') : undefined}>
        <Input key={`e-${k}`} name="adminEmail" type="email" defaultValue={values.adminEmail} />
      </Field>
      <Button appearance="primary" type="submit" disabled={pending}>
        {t('create')}
      </Button>
      {state?.ok && (
        <MessageBar intent={state.data.mail.sent ? 'success' : 'warning'} role="status">
          <MessageBarBody>
            {t('created', { organisation: state.data.organisationName })}{' '}
            {state.data.mail.sent
              ? t('emailed', { email: state.data.adminEmail })
              : t('notEmailed', { reason: t(`reason.${state.data.mail.reason}`) })}
          </MessageBarBody>
        </MessageBar>
      )}
      {state && !state.ok && state.error.code === 'FORBIDDEN' && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{t('forbidden')}</MessageBarBody>
        </MessageBar>
      )}
    </form>
  );
}
