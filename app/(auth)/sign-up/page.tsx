import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { LanguagePicker } from '@/components/language-picker';
import { getSignedIn } from '@/lib/auth/actor';
import { safeCallbackUrl } from '@/lib/auth/callback-url';
import { SignUpForm } from './sign-up-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('signUp'))('title') };
}

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl = '/' } = await searchParams;
  if (await getSignedIn()) redirect(safeCallbackUrl(callbackUrl));
  const t = await getTranslations();
  return (
    <main style={{ maxWidth: 480, margin: '6vh auto', padding: 32, background: '#fff', boxShadow: '0 2px 8px rgba(0,0,0,.12)' }}>
      <p style={{ margin: 0, color: '#605e5c' }}>{t('app.name')}</p>
      <h1 style={{ fontWeight: 600, fontSize: 24, margin: '8px 0 8px' }}>{t('signUp.title')}</h1>
      <p>{t('signUp.intro')}</p>
      <SignUpForm callbackUrl={callbackUrl} />
      <p>
        <Link href={`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`}>{t('signUp.haveAccount')}</Link>
      </p>
      <LanguagePicker />
    </main>
  );
}
