'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { Button, Field, Input, MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import { typedValue, type FormState } from '@/lib/actions/result';
import { signInAction } from './actions';

type State = FormState<{ challenge: string }>;

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations('signIn');
  const [state, action, pending] = useActionState<State, FormData>(signInAction, null);
  // The second step: the password was right, the account has a second factor.
  const challenge = state?.ok ? state.data.challenge : typedValue(state, 'challenge');
  const reason = state && !state.ok ? state.error.reason : undefined;
  const email = typedValue(state, 'email');
  const error = reason && (
    <MessageBar intent="error">
      <MessageBarBody>{t(`refused.${reason === 'throttled' || reason === 'wrong-code' || reason === 'expired' ? reason : 'invalid'}`)}</MessageBarBody>
    </MessageBar>
  );
  if (challenge && reason !== 'expired') {
    return (
      <form action={action} style={{ display: 'flex', flexDirection: 'column', gap: 16 }}>
        {error}
        <p style={{ margin: 0 }}>{t('codeHelp')}</p>
        <input type="hidden" name="callbackUrl" value={callbackUrl} />
        <input type="hidden" name="challenge" value={challenge} />
        <Field label={t('code')} required hint={t('codeHint')}>
          <Input name="code" autoComplete="one-time-code" inputMode="text" autoFocus />
        </Field>
        <Button appearance="primary" type="submit" disabled={pending} icon={pending ? <Spinner size="tiny" /> : undefined}>
          {t('verify')}
        </Button>
      </form>
    );
  }
  return (
    <form action={action} style={{ display: 'flex', flexDirection: 'column', gap: 16 }}>
      {error}
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
      <Link href="/forgot-password">{t('forgot')}</Link>
    </form>
  );
}
