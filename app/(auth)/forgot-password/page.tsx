import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { AuthCard } from '@/components/auth-card';
import { ForgotPasswordForm } from './forgot-password-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('forgotPassword'))('title') };
}

export default async function ForgotPasswordPage() {
  const t = await getTranslations('forgotPassword');
  return (
    <AuthCard title={t('title')}>
      <ForgotPasswordForm />
      <p style={{ marginTop: 24 }}>
        <Link href="/sign-in">{t('back')}</Link>
      </p>
    </AuthCard>
  );
}
