'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { Button, MessageBar, MessageBarBody } from '@fluentui/react-components';
import type { FormState } from '@/lib/actions/result';
import { verifyEmailAction } from './actions';

export function VerifyForm({ token, next }: { token: string; next: string }) {
  const t = useTranslations('verifyEmail');
  const [state, action, pending] = useActionState<FormState, FormData>(verifyEmailAction, null);
  const reason = state && !state.ok ? state.error.reason : undefined;
  return (
    <form action={action} style={{ display: 'flex', flexDirection: 'column', gap: 16, alignItems: 'flex-start' }}>
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="next" value={next} />
      {state && !state.ok && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{t(`refused.${reason === 'used' || reason === 'expired' ? reason : 'invalid'}`)}</MessageBarBody>
        </MessageBar>
      )}
      <Button appearance="primary" type="submit" disabled={pending}>
        {t('submit')}
      </Button>
    </form>
  );
}
