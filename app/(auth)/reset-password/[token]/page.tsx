import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { AuthCard } from '@/components/auth-card';
import { SetPasswordForm } from '@/components/set-password-form';
import { lookUpLink } from '@/lib/data/accounts';
import { resetPasswordAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('resetPassword'))('title'), robots: { index: false } };
}

/** Where a reset email's link lands: choose a new password. */
export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations();
  const link = await lookUpLink(token, 'reset-password');
  return (
    <AuthCard title={t('resetPassword.title')}>
      {link.ok ? (
        <>
          <p>{t('resetPassword.for', { email: link.person.email })}</p>
          <SetPasswordForm token={token} submit={t('resetPassword.submit')} action={resetPasswordAction} />
        </>
      ) : (
        <>
          <p role="alert">{t(`setPassword.refused.${link.problem}`)}</p>
          <Link href="/forgot-password">{t('resetPassword.again')}</Link>
        </>
      )}
    </AuthCard>
  );
}
