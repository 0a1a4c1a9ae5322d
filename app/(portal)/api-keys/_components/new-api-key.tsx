'use client';

import { useActionState, useState } from 'react';
import { useTranslations } from 'next-intl';
import { Button, Field, Input, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { createApiKeyAction, type CreateKeyState } from '../actions';

export function NewApiKey() {
  const t = useTranslations('apiKeys');
  const [open, setOpen] = useState(false);
  const [state, action, pending] = useActionState<CreateKeyState, FormData>(createApiKeyAction, { status: 'idle' });
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 12, maxWidth: 720, marginBottom: 24 }}>
      {state.status === 'created' && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t('created', { name: state.name })}</MessageBarTitle>
            {t('shownOnce')}
            <Field label={t('key')} style={{ marginTop: 8 }}>
              <Input value={state.key} readOnly style={{ fontFamily: 'monospace', minWidth: 480 }} />
            </Field>
          </MessageBarBody>
        </MessageBar>
      )}
      {open ? (
        <form action={action} style={{ display: 'flex', gap: 12, alignItems: 'flex-end' }}>
          <Field label={t('name')} required validationMessage={state.status === 'invalid' ? t('nameInvalid') : undefined}>
            <Input name="name" maxLength={100} />
          </Field>
          <Button appearance="primary" type="submit" disabled={pending}>
            {t('create')}
          </Button>
          <Button onClick={() => setOpen(false)}>{t('cancel')}</Button>
        </form>
      ) : (
        <div>
          <Button appearance="primary" onClick={() => setOpen(true)}>
            {t('new')}
          </Button>
        </div>
      )}
      {state.status === 'forbidden' && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{t('adminsOnly')}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
