'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { Button, Field, Input, MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import { typedValue, type FormState } from '@/lib/actions/result';
import { signInAction } from './actions';

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations('signIn');
  const [state, action, pending] = useActionState<FormState, FormData>(signInAction, null);
  const email = typedValue(state, 'email');
  return (
    <form action={action} style={{ display: 'flex', flexDirection: 'column', gap: 16 }}>
      {state && !state.ok && (
        <MessageBar intent="error">
          <MessageBarBody>{t(state.error.reason === 'throttled' ? 'throttled' : 'failed')}</MessageBarBody>
        </MessageBar>
      )}
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <Field label={t('email')} required>
        <Input key={email ?? ''} name="email" type="email" autoComplete="username" defaultValue={email} />
      </Field>
      <Field label={t('password')} required>
        <Input name="password" type="password" autoComplete="current-password" />
      </Field>
      <Button appearance="primary" type="submit" disabled={pending} icon={pending ? <Spinner size="tiny" /> : undefined}>
        {t('submit')}
      </Button>
    </form>
  );
}
