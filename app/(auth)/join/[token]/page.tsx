import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { AuthCard } from '@/components/auth-card';
import { SetPasswordForm } from '@/components/set-password-form';
import { lookUpLink } from '@/lib/data/accounts';
import { SingleSignOnButton } from '@/components/single-sign-on-button';
import { singleSignOnAvailable } from '@/lib/auth/session';
import { joinAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('join'))('title'), robots: { index: false } };
}

/** Where an invitation to a colleague's organisation lands: confirm the name, choose a password. */
export default async function JoinPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations();
  const link = await lookUpLink(token, 'invitation');
  return (
    <AuthCard title={t('join.title')}>
      {link.ok ? (
        <>
          <p>{t('join.intro', { organisation: link.person.organisation, email: link.person.email })}</p>
          <SetPasswordForm token={token} name={link.person.name} submit={t('join.submit')} action={joinAction} />
          {singleSignOnAvailable() && (
            <div style={{ marginTop: 16, display: 'flex', flexDirection: 'column', gap: 8 }}>
              <p style={{ margin: 0, textAlign: 'center', color: '#605e5c' }}>{t('join.orSso')}</p>
              <SingleSignOnButton invitation={token} />
            </div>
          )}
        </>
      ) : (
        <>
          <p role="alert">{t(`setPassword.refused.${link.problem}`)}</p>
          <Link href="/sign-in">{t('join.signIn')}</Link>
        </>
      )}
    </AuthCard>
  );
}
