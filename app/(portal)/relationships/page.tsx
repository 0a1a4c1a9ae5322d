import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { PageHeading } from '@/components/page-heading';
import { RelationshipHistory } from '@/components/relationship-history';
import { requireAgent } from '@/lib/auth/actor';
import { can, relationshipKindOf } from '@/lib/auth/principal';
import { portalOrigin } from '@/lib/portal-origin';
import { findRelationshipLink, listInvitations, partnerRelationshipHistory } from '@/lib/data/relationships';
import { CreateLink } from './_components/create-link';
import { InvitationForm } from './_components/invitation-form';
import { InvitationsTable } from './_components/invitations-table';
import { LinkPanel } from './_components/link-panel';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('relationships'))('titleRESELLER') };
}


export default async function RelationshipsPage() {
  const actor = await requireAgent();
  const t = await getTranslations('relationships');
  const kind = relationshipKindOf(actor);
  const origin = await portalOrigin();
  const [link, invitations, history] = await Promise.all([
    findRelationshipLink(actor),
    listInvitations(actor),
    partnerRelationshipHistory(actor),
  ]);
  const mayInvite = can(actor, 'relationships:invite');
  const mayRenew = can(actor, 'relationships:manage');
  return (
    <>
      <PageHeading title={t(`title${kind}`)} description={t(`description${kind}`, { partner: actor.partnerName })} />
      {link ? (
        <LinkPanel url={`${origin}/consent/${link.token}`} createdAt={link.createdAt} partnerName={actor.partnerName} kind={kind} canRegenerate={mayRenew} />
      ) : (
        <CreateLink canCreate={mayRenew} />
      )}
      <section aria-labelledby="invitations" style={{ marginTop: 32 }}>
        <h2 id="invitations" style={{ fontSize: 20, fontWeight: 600 }}>
          {t('invitations.title')}
        </h2>
        <p style={{ maxWidth: 720 }}>{t('invitations.help')}</p>
        {mayInvite && <InvitationForm />}
        <InvitationsTable
          rows={invitations.map((i) => ({ ...i, url: i.token ? `${origin}/consent/${i.token}` : null, token: null }))}
          canCancel={mayInvite}
        />
      </section>
      <section aria-labelledby="history" style={{ marginTop: 32 }}>
        <h2 id="history" style={{ fontSize: 20, fontWeight: 600 }}>
          {t('history')}
        </h2>
        <RelationshipHistory rows={history} side="partner" />
      </section>
    </>
  );
}
