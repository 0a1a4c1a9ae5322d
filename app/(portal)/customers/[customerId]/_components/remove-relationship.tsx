'use client';

import { useState, useTransition } from 'react';
import { useTranslations } from 'next-intl';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  MessageBar,
  MessageBarBody,
} from '@fluentui/react-components';
import { removeRelationshipAction } from '../actions';

export function RemoveRelationship({ customerId, customerName, kind }: { customerId: string; customerName: string; kind: 'RESELLER' | 'OEM' }) {
  const t = useTranslations('customer.remove');
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <>
      {error && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      <Dialog open={open} onOpenChange={(_, data) => setOpen(data.open)}>
        <DialogTrigger disableButtonEnhancement>
          <Button>{t(`button${kind}`)}</Button>
        </DialogTrigger>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{t('title', { customer: customerName })}</DialogTitle>
            <DialogContent>{t('body', { customer: customerName })}</DialogContent>
            <DialogActions>
              <Button
                appearance="primary"
                disabled={pending}
                onClick={() =>
                  startTransition(async () => {
                    const result = await removeRelationshipAction(customerId);
                    setOpen(false);
                    // A full load: the page this dialog belongs to is gone, and nothing of its modal state may linger.
                    if (result.status === 'removed') window.location.assign('/customers?removed=1');
                    else setError(t(`refused.${result.reason}`));
                  })
                }
              >
                {t('confirm')}
              </Button>
              <DialogTrigger disableButtonEnhancement>
                <Button>{t('cancel')}</Button>
              </DialogTrigger>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </>
  );
}
