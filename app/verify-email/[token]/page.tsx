import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { getSignedIn } from '@/lib/auth/actor';
import { safeCallbackUrl } from '@/lib/auth/callback-url';
import { VerifyForm } from './verify-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('verifyEmail'))('title'), robots: { index: false } };
}

/** Where a verification email's link lands: one button confirms the address. */
export default async function VerifyEmailPage({ params, searchParams }: { params: Promise<{ token: string }>; searchParams: Promise<{ next?: string }> }) {
  const { token } = await params;
  const { next } = await searchParams;
  const t = await getTranslations();
  const who = await getSignedIn();
  return (
    <main style={{ maxWidth: 480, margin: '10vh auto', padding: 32, background: '#fff', boxShadow: '0 2px 8px rgba(0,0,0,.12)' }}>
      <p style={{ margin: 0, color: '#605e5c' }}>{t('app.name')}</p>
      <h1 style={{ fontWeight: 600, fontSize: 24, margin: '8px 0 16px' }}>{t('verifyEmail.title')}</h1>
      <p>{who ? t('verifyEmail.body', { email: who.email }) : t('verifyEmail.anonymous')}</p>
      <VerifyForm token={token} next={safeCallbackUrl(next)} />
    </main>
  );
}
