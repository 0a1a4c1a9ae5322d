'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { Button, Field, Input, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { refusedField, typedValue, type FormState } from '@/lib/actions/result';
import { forgotPasswordAction } from './actions';

export function ForgotPasswordForm() {
  const t = useTranslations('forgotPassword');
  const [state, action, pending] = useActionState<FormState<{ email: string }>, FormData>(forgotPasswordAction, null);
  if (state?.ok) {
    return (
      <MessageBar intent="success" role="status" layout="multiline">
        <MessageBarBody>{t('sent', { email: state.data.email })}</MessageBarBody>
      </MessageBar>
    );
  }
  const email = typedValue(state, 'email');
  return (
    <form action={action} style={{ display: 'flex', flexDirection: 'column', gap: 16 }}>
      {state && !state.ok && state.error.reason === 'mail-not-configured' && (
        <MessageBar intent="error">
          <MessageBarBody>{t('noMail')}</MessageBarBody>
        </MessageBar>
      )}
      <p style={{ margin: 0 }}>{t('intro')}</p>
      <Field label={t('email')} required validationMessage={refusedField(state, 'email') ? t('invalidEmail') : undefined}>
        <Input key={email ?? ''} name="email" type="email" autoComplete="username" defaultValue={email} />
      </Field>
      <Button appearance="primary" type="submit" disabled={pending}>
        {t('submit')}
      </Button>
    </form>
  );
}
