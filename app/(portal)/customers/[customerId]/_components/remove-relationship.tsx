'use client';

import { useEffect, useId, useRef, useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { refusalKey } from '@/lib/actions/result';
import { removeRelationshipAction } from '../actions';

/**
 * Removing the relationship, confirmed in place rather than in a modal
 * dialog: on success the page is left at once, and a modal closing under a
 * navigation can leave the next page hidden from assistive technology.
 */
export function RemoveRelationship({ customerId, customerName, kind }: { customerId: string; customerName: string; kind: 'RESELLER' | 'OEM' }) {
  const t = useTranslations('customer.remove');
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const router = useRouter();
  const titleId = useId();
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 12, alignItems: 'flex-start', maxWidth: 720 }}>
      {error && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {confirming ? (
        <MessageBar intent="warning" layout="multiline" role="group" aria-labelledby={titleId}>
          <MessageBarBody>
            <MessageBarTitle id={titleId}>{t('title', { customer: customerName })}</MessageBarTitle>
            {t('body', { customer: customerName })}
          </MessageBarBody>
          <MessageBarActions>
            <Button
              ref={confirmRef}
              appearance="primary"
              disabled={pending}
              onClick={() =>
                startTransition(async () => {
                  const result = await removeRelationshipAction({ customerId });
                  if (result.ok) {
                    router.push('/customers?removed=1');
                    return;
                  }
                  setConfirming(false);
                  setError(t(`refused.${refusalKey(result.error) === 'not-signed-in' || refusalKey(result.error) === 'forbidden' ? refusalKey(result.error) : 'not-found'}`));
                })
              }
            >
              {t('confirm')}
            </Button>
            <Button onClick={() => setConfirming(false)}>{t('cancel')}</Button>
          </MessageBarActions>
        </MessageBar>
      ) : (
        <Button onClick={() => setConfirming(true)}>{t(`button${kind}`)}</Button>
      )}
    </div>
  );
}
