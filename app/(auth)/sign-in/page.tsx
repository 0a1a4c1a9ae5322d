import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getSignedIn } from '@/lib/auth/actor';
import { LanguagePicker } from '@/components/language-picker';
import { SingleSignOnButton } from '@/components/single-sign-on-button';
import { singleSignOnAvailable } from '@/lib/auth/session';
import { SignInForm } from './sign-in-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('signIn'))('title') };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; verified?: string; reset?: string; joined?: string; error?: string }> }) {
  if (await getSignedIn()) redirect('/');
  const { callbackUrl, verified, reset, joined, error } = await searchParams;
  const t = await getTranslations();
  return (
    <main style={{ maxWidth: 400, margin: '10vh auto', padding: 32, background: '#fff', boxShadow: '0 2px 8px rgba(0,0,0,.12)' }}>
      <p style={{ margin: 0, color: '#605e5c' }}>{t('app.name')}</p>
      <h1 style={{ fontWeight: 600, fontSize: 24, margin: '8px 0 24px' }}>{t('signIn.title')}</h1>
      {verified && (
        <p role="status" style={{ color: '#0e700e' }}>
          {t('verifyEmail.done')}
        </p>
      )}
      {(reset || joined) && (
        <p role="status" style={{ color: '#0e700e' }}>
          {t(reset ? 'signIn.reset' : 'signIn.joined')}
        </p>
      )}
      {error && (
        <p role="alert" style={{ color: '#b10e1c' }}>
          {t(error === 'sso-refused' ? 'signIn.refused.sso-refused' : 'signIn.refused.sso-failed')}
        </p>
      )}
      <SignInForm callbackUrl={callbackUrl ?? '/'} />
      {singleSignOnAvailable() && (
        <div style={{ marginTop: 16, display: 'flex', flexDirection: 'column', gap: 8 }}>
          <p style={{ margin: 0, textAlign: 'center', color: '#605e5c' }}>{t('signIn.or')}</p>
          <SingleSignOnButton callbackUrl={callbackUrl ?? '/'} />
        </div>
      )}
      <div style={{ marginTop: 32 }}>
        <LanguagePicker />
      </div>
    </main>
  );
}
