import { redirect } from 'next/navigation';
import { getSignedIn, isAgent } from '@/lib/auth/actor';

/** The start page: partners go to their customers, customer administrators to their partners. */
export default async function HomePage() {
  const actor = await getSignedIn();
  if (!actor) redirect('/sign-in');
  redirect(isAgent(actor) ? '/customers' : '/partner-relationships');
}
