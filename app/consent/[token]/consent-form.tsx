'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { Button, Checkbox, MessageBar, MessageBarBody } from '@fluentui/react-components';
import type { ActionError, FormState } from '@/lib/actions/result';
import { decideConsentAction } from './actions';

/** The consent page's message for a refusal. */
function refusalMessageKey(error: ActionError): string {
  if (error.reason) return error.reason;
  if (error.code === 'UNAUTHENTICATED') return 'not-signed-in';
  if (error.code === 'FORBIDDEN') return 'not-customer-admin';
  return 'invalid';
}

export function ConsentForm({ token, partnerName, kind }: { token: string; partnerName: string; kind: 'RESELLER' | 'OEM' }) {
  const t = useTranslations('consent');
  const [state, action, pending] = useActionState<FormState, FormData>(decideConsentAction, null);
  return (
    <form action={action} style={{ display: 'flex', flexDirection: 'column', gap: 16 }}>
      <input type="hidden" name="token" value={token} />
      {state && !state.ok && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{t(`refused.${refusalMessageKey(state.error)}`)}</MessageBarBody>
        </MessageBar>
      )}
      <Checkbox name="agree" value="yes" required label={t(`agree${kind}`, { partner: partnerName })} />
      <div style={{ display: 'flex', gap: 12 }}>
        <Button appearance="primary" type="submit" name="decision" value="accept" disabled={pending}>
          {t('accept')}
        </Button>
        {/* Declining needs no agreement: the form is sent without checking the box. */}
        <Button type="submit" name="decision" value="decline" formNoValidate disabled={pending}>
          {t('decline')}
        </Button>
      </div>
    </form>
  );
}
