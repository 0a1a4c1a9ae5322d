import { redirect } from 'next/navigation';
import { getActor, isPartnerActor } from '@/lib/auth/actor';

/** The start page: partners go to their customers, customer administrators to their partners. */
export default async function HomePage() {
  const actor = await getActor();
  if (!actor) redirect('/sign-in');
  redirect(isPartnerActor(actor) ? '/customers' : '/partner-relationships');
}
