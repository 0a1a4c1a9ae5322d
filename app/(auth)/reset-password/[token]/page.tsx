import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { AuthCard } from '@/components/auth-card';
import { SetPasswordForm } from '@/components/set-password-form';
import { personForLink } from '@/lib/data/accounts';
import { isAppError } from '@/lib/errors';
import { resetPasswordAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('resetPassword'))('title'), robots: { index: false } };
}

/** Where a reset email's link lands: choose a new password. */
export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations();
  const person = await personForLink(token, 'reset-password').catch((error: unknown) => {
    if (isAppError(error) && error.code === 'CONFLICT') return { problem: error.details.reason ?? 'invalid' };
    throw error;
  });
  return (
    <AuthCard title={t('resetPassword.title')}>
      {'problem' in person ? (
        <>
          <p role="alert">{t(`setPassword.refused.${person.problem === 'used' || person.problem === 'expired' || person.problem === 'deactivated' ? person.problem : 'invalid'}`)}</p>
          <Link href="/forgot-password">{t('resetPassword.again')}</Link>
        </>
      ) : (
        <>
          <p>{t('resetPassword.for', { email: person.email })}</p>
          <SetPasswordForm token={token} submit={t('resetPassword.submit')} action={resetPasswordAction} />
        </>
      )}
    </AuthCard>
  );
}
