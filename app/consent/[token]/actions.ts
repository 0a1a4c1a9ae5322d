'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getActor, isCustomerAdmin } from '@/lib/auth/actor';
import { acceptConsent, declineConsent } from '@/lib/data/relationships';

export type ConsentActionState =
  | { status: 'idle' }
  | { status: 'refused'; reason: 'not-signed-in' | 'not-customer-admin' | 'not-agreed' | 'foreign-origin' | 'invalid' | 'expired' | 'used' | 'declined' | 'cancelled' | 'addressed-elsewhere' };

/** Consent is given from the portal's own pages only: the request must come from its own origin. */
async function fromOwnOrigin(): Promise<boolean> {
  const h = await headers();
  const origin = h.get('origin');
  const host = h.get('x-forwarded-host') ?? h.get('host');
  if (!origin || !host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

export async function decideConsentAction(_previous: ConsentActionState, form: FormData): Promise<ConsentActionState> {
  if (!(await fromOwnOrigin())) return { status: 'refused', reason: 'foreign-origin' };
  const actor = await getActor();
  if (!actor) return { status: 'refused', reason: 'not-signed-in' };
  if (!isCustomerAdmin(actor)) return { status: 'refused', reason: 'not-customer-admin' };
  const token = String(form.get('token') ?? '');
  const decision = form.get('decision');
  if (decision === 'decline') {
    const declined = await declineConsent(actor, token);
    if (!declined.ok) return { status: 'refused', reason: declined.reason };
    redirect(`/partner-relationships?declined=${encodeURIComponent(declined.partnerName)}`);
  }
  if (form.get('agree') !== 'yes') return { status: 'refused', reason: 'not-agreed' };
  const accepted = await acceptConsent(actor, token);
  if (!accepted.ok) return { status: 'refused', reason: accepted.reason };
  redirect(`/partner-relationships?accepted=${encodeURIComponent(accepted.partnerName)}`);
}
