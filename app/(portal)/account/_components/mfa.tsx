'use client';

import { useActionState, useState, useTransition } from 'react';
import { useTranslations } from 'next-intl';
import { Button, Field, Input, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { refusedField, type FormState } from '@/lib/actions/result';
import { confirmMfaAction, disableMfaAction, renewRecoveryCodesAction } from '../actions';

/** Recovery codes, shown once: each replaces a code from the app, once. */
function RecoveryCodes({ codes }: { codes: string[] }) {
  const t = useTranslations('account');
  return (
    <MessageBar intent="success" layout="multiline" role="status">
      <MessageBarBody>
        <MessageBarTitle>{t('recoveryTitle')}</MessageBarTitle>
        {t('recoveryHelp')}
        <ul aria-label={t('recoveryTitle')} style={{ fontFamily: 'monospace', fontSize: 16, columns: 2, listStyle: 'none', padding: 0 }}>
          {codes.map((code) => (
            <li key={code}>{code}</li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}

/** Setting up an authenticator app: the secret (as a link the app opens, and as text), then a code to prove it. */
export function MfaEnrolment({ secret, uri }: { secret: string; uri: string }) {
  const t = useTranslations('account');
  const [state, action, pending] = useActionState<FormState<{ recoveryCodes: string[] }>, FormData>(confirmMfaAction, null);
  if (state?.ok) {
    return (
      <section style={{ maxWidth: 640, marginBottom: 32 }}>
        <h2 style={{ fontSize: 20, fontWeight: 600 }}>{t('mfaOnTitle')}</h2>
        <RecoveryCodes codes={state.data.recoveryCodes} />
      </section>
    );
  }
  return (
    <section aria-labelledby="mfa-heading" style={{ maxWidth: 640, marginBottom: 32 }}>
      <h2 id="mfa-heading" style={{ fontSize: 20, fontWeight: 600 }}>
        {t('mfaSetUp')}
      </h2>
      <ol style={{ paddingLeft: 20, lineHeight: 1.6 }}>
        <li>{t('mfaStep1')}</li>
        <li>
          {t.rich('mfaStep2', { link: (chunks) => <a href={uri}>{chunks}</a> })}
        </li>
        <li>{t('mfaStep3')}</li>
      </ol>
      <form action={action} style={{ display: 'flex', flexDirection: 'column', gap: 12, maxWidth: 420 }}>
        <Field label={t('secretKey')}>
          <Input value={secret} readOnly style={{ fontFamily: 'monospace' }} />
        </Field>
        <Field label={t('code')} required validationMessage={refusedField(state, 'code') ? t('wrongCode') : undefined}>
          <Input name="code" autoComplete="one-time-code" inputMode="numeric" />
        </Field>
        {state && !state.ok && state.error.code === 'CONFLICT' && (
          <MessageBar intent="error" role="alert">
            <MessageBarBody>{t('enrolmentGone')}</MessageBarBody>
          </MessageBar>
        )}
        <div>
          <Button appearance="primary" type="submit" disabled={pending}>
            {t('verify')}
          </Button>
        </div>
      </form>
    </section>
  );
}

/** The second factor is on: new recovery codes, or turn it off with a code. */
export function MfaEnabled({ recoveryCodesLeft, required }: { recoveryCodesLeft: number; required: boolean }) {
  const t = useTranslations('account');
  const [codes, setCodes] = useState<string[] | null>(null);
  const [pending, startTransition] = useTransition();
  const [state, action, disabling] = useActionState<FormState, FormData>(disableMfaAction, null);
  return (
    <section aria-labelledby="mfa-heading" style={{ maxWidth: 640, marginBottom: 32 }}>
      <h2 id="mfa-heading" style={{ fontSize: 20, fontWeight: 600 }}>
        {t('mfaOnTitle')}
      </h2>
      <p>{t('mfaOn', { count: recoveryCodesLeft })}</p>
      {codes && <RecoveryCodes codes={codes} />}
      <Button
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await renewRecoveryCodesAction({});
            if (result.ok) setCodes(result.data.recoveryCodes);
          })
        }
      >
        {t('newRecoveryCodes')}
      </Button>
      {required ? (
        <p style={{ color: '#605e5c' }}>{t('mfaRequiredByPartner')}</p>
      ) : (
        <form action={action} style={{ display: 'flex', gap: 12, alignItems: 'flex-end', marginTop: 16, flexWrap: 'wrap' }}>
          <Field label={t('codeToTurnOff')} validationMessage={refusedField(state, 'code') ? t('wrongCode') : undefined}>
            <Input name="code" autoComplete="one-time-code" />
          </Field>
          <Button type="submit" disabled={disabling}>
            {t('turnOff')}
          </Button>
        </form>
      )}
    </section>
  );
}
