'use client';

import { useActionState, useState } from 'react';
import { useTranslations } from 'next-intl';
import { Button, Checkbox, Field, Input, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { refusedField, typedValue, type FormState } from '@/lib/actions/result';
import { API_SCOPES, type ApiScope } from '@/lib/auth/permissions';
import { createApiKeyAction } from '../actions';

export function NewApiKey() {
  const t = useTranslations('apiKeys');
  const [open, setOpen] = useState(false);
  const [state, action, pending] = useActionState<FormState<{ name: string; key: string; scopes: ApiScope[] }>, FormData>(createApiKeyAction, null);
  const created = state?.ok ? state.data : null;
  // Every scope unless narrowed; what was chosen survives a refused form.
  const [scopes, setScopes] = useState<ApiScope[]>([...API_SCOPES]);
  const typedName = typedValue(state, 'name');
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 12, maxWidth: 720, marginBottom: 24 }}>
      {created && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t('created', { name: created.name })}</MessageBarTitle>
            {t('shownOnce')}
            <Field label={t('key')} style={{ marginTop: 8 }}>
              <Input value={created.key} readOnly style={{ fontFamily: 'monospace', minWidth: 480 }} />
            </Field>
          </MessageBarBody>
        </MessageBar>
      )}
      {open ? (
        <form action={action} style={{ display: 'flex', gap: 12, alignItems: 'flex-end', flexWrap: 'wrap' }}>
          <Field label={t('name')} required validationMessage={refusedField(state, 'name') ? t('nameInvalid') : undefined}>
            <Input key={typedName ?? ''} name="name" maxLength={100} defaultValue={typedName} />
          </Field>
          <fieldset style={{ border: 'none', margin: 0, padding: 0, display: 'flex', gap: 4, alignItems: 'center' }}>
            <legend style={{ padding: 0 }}>{t('scopes')}</legend>
            {API_SCOPES.map((scope) => (
              <Checkbox
                key={scope}
                name="scopes"
                value={scope}
                checked={scopes.includes(scope)}
                onChange={(_, data) => setScopes((current) => (data.checked ? [...current, scope] : current.filter((s) => s !== scope)))}
                label={t(`scope.${scope}`)}
              />
            ))}
            {refusedField(state, 'scopes') && <span role="alert">{t('scopesInvalid')}</span>}
          </fieldset>
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
      {state && !state.ok && state.error.code === 'FORBIDDEN' && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{t('adminsOnly')}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
