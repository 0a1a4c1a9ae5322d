'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { Button, Field, Input } from '@fluentui/react-components';
import { passwordProblemKey, refusedField, type FormState } from '@/lib/actions/result';
import { changePasswordAction } from '../actions';

export function ChangePassword({ hasPassword }: { hasPassword: boolean }) {
  const t = useTranslations('account');
  const tp = useTranslations('password');
  const [state, action, pending] = useActionState<FormState, FormData>(changePasswordAction, null);
  return (
    <section aria-labelledby="password-heading" style={{ maxWidth: 480, marginBottom: 32 }}>
      <h2 id="password-heading" style={{ fontSize: 20, fontWeight: 600 }}>
        {t(hasPassword ? 'changePassword' : 'setPassword')}
      </h2>
      <p style={{ color: '#605e5c' }}>{t('passwordHelp')}</p>
      <form action={action} style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
        {hasPassword && (
          <Field label={t('currentPassword')} required validationMessage={refusedField(state, 'current') ? t('wrongPassword') : undefined}>
            <Input name="current" type="password" autoComplete="current-password" />
          </Field>
        )}
        <Field label={t('newPassword')} hint={tp('hint')} required validationMessage={refusedField(state, 'password') ? tp(passwordProblemKey(state)) : undefined}>
          <Input name="password" type="password" autoComplete="new-password" />
        </Field>
        <div>
          <Button type="submit" disabled={pending}>
            {t(hasPassword ? 'changePassword' : 'setPassword')}
          </Button>
        </div>
      </form>
    </section>
  );
}
