'use client';

import { useTranslations } from 'next-intl';
import { Button } from '@fluentui/react-components';
import { singleSignOnAction } from '@/app/(auth)/sign-in/actions';

/** "Sign in with Microsoft": single sign-on; on an invitation's page, it joins the invited account. */
export function SingleSignOnButton({ callbackUrl = '/', invitation }: { callbackUrl?: string; invitation?: string }) {
  const t = useTranslations('signIn');
  return (
    <form action={singleSignOnAction} style={{ display: 'flex', flexDirection: 'column' }}>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      {invitation && <input type="hidden" name="invitation" value={invitation} />}
      <Button type="submit">{t('sso')}</Button>
    </form>
  );
}
