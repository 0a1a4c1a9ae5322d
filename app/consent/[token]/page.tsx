import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { LanguagePicker } from '@/components/language-picker';
import { getSignedIn, isCustomerAdmin } from '@/lib/auth/actor';
import { signOutAction } from '@/lib/actions/sign-out';
import { isActiveWith, lookUpConsent } from '@/lib/data/relationships';
import { ConsentForm } from './consent-form';
import { ResendVerification } from './resend-verification';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('consent'))('titleRESELLER'), robots: { index: false } };
}

const box = { maxWidth: 640, margin: '6vh auto', padding: 32, background: '#fff', boxShadow: '0 2px 8px rgba(0,0,0,.12)' } as const;

/** What a customer administrator sees when opening a partner's link or invitation. */
export default async function ConsentPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations('consent');
  const lookup = await lookUpConsent(token);
  const here = `/consent/${token}`;

  if (!lookup.ok) {
    return (
      <main style={box}>
        <h1 style={{ fontSize: 24, fontWeight: 600 }}>{t('invalid.title')}</h1>
        <p>{t(`invalid.${lookup.reason}`)}</p>
        <p>{t('invalid.ask')}</p>
      </main>
    );
  }
  const { offer } = lookup;
  const actor = await getSignedIn();
  const title = t(`title${offer.kind}`);
  const intro = (
    <>
      <h1 style={{ fontSize: 24, fontWeight: 600 }}>{title}</h1>
      <p>{t(`intro${offer.kind}`, { partner: offer.partner.name })}</p>
      <h2 style={{ fontSize: 16, fontWeight: 600 }}>{t('mayTitle', { partner: offer.partner.name })}</h2>
      <ul>
        {(['may1', 'may2', 'may3'] as const).map((k) => (
          <li key={k}>{t(`${offer.kind}.${k}`)}</li>
        ))}
      </ul>
    </>
  );

  if (!actor) {
    return (
      <main style={box}>
        {intro}
        <p>{t('signInFirst')}</p>
        <p style={{ display: 'flex', gap: 24 }}>
          <Link href={`/sign-in?callbackUrl=${encodeURIComponent(here)}`}>{t('signIn')}</Link>
          <Link href={`/sign-up?callbackUrl=${encodeURIComponent(here)}`}>{t('signUp')}</Link>
        </p>
        <LanguagePicker />
      </main>
    );
  }

  if (!isCustomerAdmin(actor)) {
    return (
      <main style={box}>
        {intro}
        <p role="alert">{t('notCustomerAdmin', { email: actor.email })}</p>
        <form action={signOutAction}>
          <button type="submit">{t('signOut')}</button>
        </form>
      </main>
    );
  }

  if (offer.invitation && offer.invitation.adminEmail.toLowerCase() !== actor.email.toLowerCase()) {
    return (
      <main style={box}>
        {intro}
        <p role="alert">{t('addressedElsewhere', { organisation: offer.invitation.organisationName })}</p>
      </main>
    );
  }

  const active = await isActiveWith(actor, offer.partner.id, offer.kind);
  return (
    <main style={box}>
      {intro}
      <p>{t('onBehalf', { customer: actor.customerName, email: actor.email })}</p>
      {active ? (
        <p role="status">{t('alreadyActive', { partner: offer.partner.name })}</p>
      ) : !actor.emailVerified ? (
        <ResendVerification token={token} email={actor.email} />
      ) : (
        <ConsentForm token={token} partnerName={offer.partner.name} kind={offer.kind} />
      )}
      <p>
        <Link href="/partner-relationships">{t('myPartners')}</Link>
      </p>
    </main>
  );
}
