'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { Button, Field, Input, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { passwordProblemKey, refusedField, type FormState } from '@/lib/actions/result';
import { signUpAction } from './actions';

export function SignUpForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations('signUp');
  const tp = useTranslations('password');
  const [state, action, pending] = useActionState<FormState<{ email: string }>, FormData>(signUpAction, null);
  const invalid = (field: string) => refusedField(state, field);
  const values: Record<string, string | undefined> = (state && !state.ok && state.values) || {};

  // A new key per answer: the fields start again from what was sent.
  const k = JSON.stringify(values);
  if (state?.ok) {
    return (
      <MessageBar intent="success" role="status" layout="multiline">
        <MessageBarBody>{t('checkEmail', { email: state.data.email })}</MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <form action={action} style={{ display: 'flex', flexDirection: 'column', gap: 16 }}>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <Field label={t('organisation')} required validationMessage={invalid('organisation') ? t('invalid.organisation') : undefined}>
        <Input key={`organisation-${k}`} defaultValue={values.organisation} name="organisation" autoComplete="organization" />
      </Field>
      <Field label={t('domain')} hint={t('domainHint')} required validationMessage={invalid('domain') ? t('invalid.domain') : undefined}>
        <Input key={`domain-${k}`} defaultValue={values.domain} name="domain" />
      </Field>
      <Field label={t('name')} required validationMessage={invalid('name') ? t('invalid.name') : undefined}>
        <Input key={`name-${k}`} defaultValue={values.name} name="name" autoComplete="name" />
      </Field>
      <Field label={t('email')} required validationMessage={invalid('email') ? t('invalid.email') : undefined}>
        <Input key={`email-${k}`} defaultValue={values.email} name="email" type="email" autoComplete="username" />
      </Field>
      <Field label={t('password')} hint={t('passwordHint')} required validationMessage={invalid('password') ? tp(passwordProblemKey(state)) : undefined}>
        <Input name="password" type="password" autoComplete="new-password" />
      </Field>
      <Button appearance="primary" type="submit" disabled={pending}>
        {t('submit')}
      </Button>
    </form>
  );
}
