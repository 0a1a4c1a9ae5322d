'use client';

import { useState, useTransition } from 'react';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { Checkbox, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { requireMfaAction } from '../actions';

/** The partner's rule that every agent signs in with a second factor; it applies as soon as it is ticked. */
export function RequireMfa({ required }: { required: boolean }) {
  const t = useTranslations('people');
  const [checked, setChecked] = useState(required);
  const [failed, setFailed] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <section style={{ marginBottom: 24, maxWidth: 720 }}>
      <Checkbox
        checked={checked}
        disabled={pending}
        label={t('requireMfa')}
        onChange={(_, data) => {
          const next = data.checked === true;
          setChecked(next);
          startTransition(async () => {
            const result = await requireMfaAction({ required: next });
            setFailed(result.ok ? null : result.error.reason === 'set-up-own-first' ? 'set-up-own-first' : 'forbidden');
            if (!result.ok) setChecked(!next);
          });
        }}
      />
      <p style={{ margin: '4px 0 0 32px', color: '#605e5c' }}>{t('requireMfaHint')}</p>
      {failed && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>
            {failed === 'set-up-own-first' ? t.rich('refused.set-up-own-first', { link: (chunks) => <Link href="/account">{chunks}</Link> }) : t('refused.forbidden')}
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
