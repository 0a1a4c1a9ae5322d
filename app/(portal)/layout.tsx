import type { ReactNode } from 'react';
import { getTranslations } from 'next-intl/server';
import { Shell, type NavItem } from '@/components/shell';
import { isAgent, requireSession } from '@/lib/auth/actor';
import { outboxDir } from '@/lib/mail/send';

export default async function PortalLayout({ children }: { children: ReactNode }) {
  const actor = await requireSession();
  const t = await getTranslations('nav');
  const nav: NavItem[] = isAgent(actor)
    ? [
        { href: '/customers', label: t('customers') },
        { href: '/relationships', label: t('relationships') },
        // Shown to every agent: the page itself says who may manage keys.
        { href: '/api-keys', label: t('apiKeys') },
        { href: '/api-reference', label: t('apiReference') },
        { href: '/people', label: t('people') },
      ]
    : [
        { href: '/partner-relationships', label: t('partnerRelationships') },
        { href: '/organisation', label: t('organisation') },
        { href: '/people', label: t('people') },
      ];
  // The demo's mail, written to its outbox folder rather than sent.
  if (outboxDir()) nav.push({ href: '/outbox', label: t('outbox') });
  const organisation = isAgent(actor) ? actor.partnerName : actor.customerName;
  return (
    <Shell nav={nav} userName={actor.name} organisation={`· ${organisation}`}>
      {children}
    </Shell>
  );
}
