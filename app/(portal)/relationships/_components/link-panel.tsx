'use client';

import { useState, useTransition } from 'react';
import { useFormatter, useTranslations } from 'next-intl';
import { ConfirmDialog } from '@/components/confirm-dialog';
import {
  Button,
  Field,
  Input,
  Link as FluentLink,
  MessageBar,
  MessageBarBody,
  Textarea,
} from '@fluentui/react-components';
import { renewLinkAction } from '../actions';

export function LinkPanel({
  url,
  createdAt,
  partnerName,
  kind,
  canRegenerate,
}: {
  url: string;
  createdAt: string;
  partnerName: string;
  kind: 'RESELLER' | 'OEM';
  canRegenerate: boolean;
}) {
  const t = useTranslations('relationships');
  const format = useFormatter();
  const [copied, setCopied] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [regenerated, setRegenerated] = useState(false);
  const [pending, startTransition] = useTransition();
  const subject = t(`email.subject${kind}`, { partner: partnerName });
  const body = t(`email.body${kind}`, { partner: partnerName, url });

  return (
    <section aria-labelledby="link" style={{ display: 'flex', flexDirection: 'column', gap: 12, maxWidth: 760 }}>
      <h2 id="link" style={{ fontSize: 20, fontWeight: 600, margin: 0 }}>
        {t('link.title')}
      </h2>
      {regenerated && (
        <MessageBar intent="success">
          <MessageBarBody>{t('link.regenerated')}</MessageBarBody>
        </MessageBar>
      )}
      <Field label={t('link.label')} hint={t('link.created', { date: format.dateTime(new Date(createdAt), { dateStyle: 'medium', timeStyle: 'short' }) })}>
        <Input value={url} readOnly />
      </Field>
      <div style={{ display: 'flex', gap: 12, alignItems: 'center' }}>
        <Button
          appearance="primary"
          onClick={async () => {
            await navigator.clipboard.writeText(url);
            setCopied(true);
          }}
        >
          {t('link.copy')}
        </Button>
        {copied && <span role="status">{t('link.copied')}</span>}
        {canRegenerate && <Button onClick={() => setConfirming(true)}>{t('link.regenerate')}</Button>}
      </div>
      <Field label={t('email.label')}>
        <Textarea value={`${subject}\n\n${body}`} readOnly rows={7} resize="vertical" />
      </Field>
      <FluentLink href={`mailto:?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`}>{t('email.open')}</FluentLink>
      <ConfirmDialog
        open={confirming}
        title={t('link.confirmTitle')}
        confirmLabel={t('link.regenerate')}
        cancelLabel={t('cancel')}
        pending={pending}
        onCancel={() => setConfirming(false)}
        onConfirm={() =>
          startTransition(async () => {
            const result = await renewLinkAction({});
            setConfirming(false);
            setCopied(false);
            setRegenerated(result.ok);
          })
        }
      >
        {t('link.confirmBody')}
      </ConfirmDialog>
    </section>
  );
}
