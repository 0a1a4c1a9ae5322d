import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { Notice } from '@/components/notice';
import { PageHeading } from '@/components/page-heading';
import { isAgent, requireSession } from '@/lib/auth/actor';
import { authenticatorUri } from '@/lib/auth/mfa';
import { hasPassword } from '@/lib/data/accounts';
import { mfaEnrolmentSecret, mfaState } from '@/lib/data/mfa';
import { ChangePassword } from './_components/change-password';
import { MfaEnabled, MfaEnrolment } from './_components/mfa';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('account'))('title') };
}

/** The signed-in person's own account: who they are, their password, their second factor. */
export default async function AccountPage({ searchParams }: { searchParams: Promise<{ mfa?: string }> }) {
  // Not requireSignedIn: this page is where an agent who must set up a second factor is sent.
  const who = await requireSession();
  const { mfa } = await searchParams;
  const t = await getTranslations('account');
  const tr = await getTranslations('people.roles');
  const state = await mfaState(who.userId);
  const secret = state.enabled ? null : await mfaEnrolmentSecret(who.userId);
  const organisation = isAgent(who) ? who.partnerName : who.customerName;
  const role = isAgent(who) ? who.role : 'CUSTOMER_ADMIN';
  return (
    <>
      <PageHeading title={t('title')} />
      {(mfa === 'required' || (isAgent(who) && who.secondFactorMissing)) && <Notice intent="warning">{t('mfaRequiredFirst', { organisation })}</Notice>}
      <dl style={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: '8px 24px', margin: '0 0 32px' }}>
        <dt>{t('name')}</dt>
        <dd style={{ margin: 0 }}>{who.name}</dd>
        <dt>{t('email')}</dt>
        <dd style={{ margin: 0 }}>{who.email}</dd>
        <dt>{t('organisation')}</dt>
        <dd style={{ margin: 0 }}>{organisation}</dd>
        <dt>{t('role')}</dt>
        <dd style={{ margin: 0 }}>{tr(role)}</dd>
      </dl>
      {state.enabled ? (
        <MfaEnabled recoveryCodesLeft={state.recoveryCodesLeft} required={state.required} />
      ) : (
        secret && <MfaEnrolment secret={secret} uri={authenticatorUri(secret, who.email)} />
      )}
      <ChangePassword hasPassword={await hasPassword(who.userId)} />
    </>
  );
}
