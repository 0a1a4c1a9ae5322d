'use client';

import { useState, useTransition } from 'react';
import { useTranslations } from 'next-intl';
import { Button, Field, Input, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { verifyDomainAction } from './actions';

/** Where to publish the TXT record, and "Verify domain" to have the portal look for it. */
export function VerifyDomain({ domain, recordName, recordValue }: { domain: string; recordName: string; recordValue: string }) {
  const t = useTranslations('organisation');
  const [pending, startTransition] = useTransition();
  const [refusal, setRefusal] = useState<string | null>(null);
  return (
    <section aria-labelledby="verify-heading" style={{ maxWidth: 720 }}>
      <h2 id="verify-heading" style={{ fontSize: 20, fontWeight: 600 }}>
        {t('verifyTitle')}
      </h2>
      <p>{t('verifyHelp', { domain })}</p>
      <div style={{ display: 'flex', flexDirection: 'column', gap: 12, maxWidth: 640 }}>
        <Field label={t('recordType')}>
          <Input value="TXT" readOnly />
        </Field>
        <Field label={t('recordName')}>
          <Input value={recordName} readOnly style={{ fontFamily: 'monospace' }} />
        </Field>
        <Field label={t('recordValue')}>
          <Input value={recordValue} readOnly style={{ fontFamily: 'monospace' }} />
        </Field>
      </div>
      <p style={{ color: '#605e5c' }}>{t('verifyWhen')}</p>
      {refusal && (
        <MessageBar intent="error" role="alert" layout="multiline" style={{ marginBottom: 12 }}>
          <MessageBarBody>{refusal}</MessageBarBody>
        </MessageBar>
      )}
      <Button
        appearance="primary"
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await verifyDomainAction({});
            if (result.ok) setRefusal(null);
            else {
              const reason = result.error.reason;
              setRefusal(t(`refused.${reason === 'record-not-found' || reason === 'domain-verified-elsewhere' || reason === 'dns-unavailable' || reason === 'too-soon' ? reason : 'failed'}`, { recordName }));
            }
          })
        }
      >
        {t('verify')}
      </Button>
    </section>
  );
}
