'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { Button, Field, Input, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { passwordProblemKey, refusedField, typedValue, type ActionResult, type FormState } from '@/lib/actions/result';

/**
 * Choosing a password from an emailed link (joining, or a reset): the new
 * password, and for a newcomer their name. A refused link says why.
 */
export function SetPasswordForm({
  token,
  name,
  submit,
  action: serverAction,
}: {
  token: string;
  /** The newcomer's name as invited, to confirm or correct; absent for a reset. */
  name?: string;
  submit: string;
  action: (previous: unknown, form: FormData) => Promise<ActionResult<null>>;
}) {
  const t = useTranslations('setPassword');
  const tp = useTranslations('password');
  const [state, action, pending] = useActionState<FormState, FormData>(serverAction, null);
  const linkProblem = state && !state.ok && state.error.code === 'CONFLICT' ? state.error.reason : undefined;
  const typedName = typedValue(state, 'name') ?? name;
  return (
    <form action={action} style={{ display: 'flex', flexDirection: 'column', gap: 16 }}>
      {linkProblem && (
        <MessageBar intent="error">
          <MessageBarBody>{t(`refused.${linkProblem === 'used' || linkProblem === 'expired' || linkProblem === 'deactivated' ? linkProblem : 'invalid'}`)}</MessageBarBody>
        </MessageBar>
      )}
      <input type="hidden" name="token" value={token} />
      {name !== undefined && (
        <Field label={t('name')} required validationMessage={refusedField(state, 'name') ? t('invalidName') : undefined}>
          <Input key={typedName} name="name" autoComplete="name" defaultValue={typedName} />
        </Field>
      )}
      <Field label={t('password')} hint={tp('hint')} required validationMessage={refusedField(state, 'password') ? tp(passwordProblemKey(state)) : undefined}>
        <Input name="password" type="password" autoComplete="new-password" />
      </Field>
      <Button appearance="primary" type="submit" disabled={pending}>
        {submit}
      </Button>
    </form>
  );
}
