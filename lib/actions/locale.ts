'use server';

import { cookies } from 'next/headers';
import { isLang } from '@/lib/autopilot';
import { LOCALE_COOKIE } from '@/i18n/locale';
import { getSignedIn } from '@/lib/auth/actor';
import { setUserLocale } from '@/lib/data/people';

/** Remembers the language chosen, for a year. */
export async function setLocaleAction(locale: string): Promise<void> {
  if (!isLang(locale)) return;
  (await cookies()).set(LOCALE_COOKIE, locale, { path: '/', maxAge: 365 * 24 * 60 * 60, sameSite: 'lax' });
  // The portal's emails to this person are written in it from now on.
  const who = await getSignedIn();
  if (who) await setUserLocale(who.userId, locale);
}
