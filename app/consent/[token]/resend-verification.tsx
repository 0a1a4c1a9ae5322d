'use client';

import { useState, useTransition } from 'react';
import { useTranslations } from 'next-intl';
import { Button, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { resendVerificationAction } from './actions';

/** An administrator who has not confirmed their address: what to do, and a new link on demand. */
export function ResendVerification({ token, email }: { token: string; email: string }) {
  const t = useTranslations('consent');
  const [sent, setSent] = useState(false);
  const [pending, startTransition] = useTransition();
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 12, alignItems: 'flex-start' }}>
      <MessageBar intent="warning" role="alert" layout="multiline">
        <MessageBarBody>{t('unverified', { email })}</MessageBarBody>
      </MessageBar>
      <Button
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await resendVerificationAction({ token });
            setSent(result.ok && result.data.sent);
          })
        }
      >
        {t('resend')}
      </Button>
      {sent && <p role="status">{t('resent', { email })}</p>}
    </div>
  );
}
