'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { Button, Field, Input, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { createInvitationAction, type InvitationState } from '../actions';

export function InvitationForm() {
  const t = useTranslations('relationships.invitations');
  const [state, action, pending] = useActionState<InvitationState, FormData>(createInvitationAction, { status: 'idle' });
  const invalid = state.status === 'invalid' ? state.fields : {};
  const values = state.status === 'invalid' ? state.values : { organisationName: '', adminEmail: '' };
  const k = JSON.stringify(values);
  return (
    <form action={action} style={{ display: 'flex', gap: 16, alignItems: 'flex-end', flexWrap: 'wrap', marginBottom: 16 }}>
      <Field label={t('organisation')} required validationMessage={invalid.organisationName ? t('organisationInvalid') : undefined}>
        <Input key={`o-${k}`} name="organisationName" defaultValue={values.organisationName} />
      </Field>
      <Field label={t('adminEmail')} required validationMessage={invalid.adminEmail ? t('adminEmailInvalid') : undefined}>
        <Input key={`e-${k}`} name="adminEmail" type="email" defaultValue={values.adminEmail} />
      </Field>
      <Button appearance="primary" type="submit" disabled={pending}>
        {t('create')}
      </Button>
      {state.status === 'created' && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{t('created', { organisation: state.organisationName })}</MessageBarBody>
        </MessageBar>
      )}
      {state.status === 'forbidden' && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{t('forbidden')}</MessageBarBody>
        </MessageBar>
      )}
    </form>
  );
}
