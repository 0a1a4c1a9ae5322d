import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { Notice } from '@/components/notice';
import { PageHeading } from '@/components/page-heading';
import { isAgent, requireSignedIn } from '@/lib/auth/actor';
import { can } from '@/lib/auth/principal';
import { listMembers } from '@/lib/data/members';
import { mfaState } from '@/lib/data/mfa';
import { InvitePeople } from './_components/invite-people';
import { PeopleTable } from './_components/people-table';
import { RequireMfa } from './_components/require-mfa';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('people'))('title') };
}

/** An organisation's people: a partner's agents, or a customer's administrators. */
export default async function PeoplePage() {
  const who = await requireSignedIn();
  const t = await getTranslations('people');
  const agent = isAgent(who);
  const org = agent ? { partnerId: who.partnerId } : { customerId: who.customerId };
  const manages = agent ? can(who, 'people:manage') : who.emailVerified;
  const members = await listMembers(org);
  const rows = members.map((m) => ({ ...m, createdAt: m.createdAt.toISOString(), self: m.id === who.userId }));
  return (
    <>
      <PageHeading title={t('title')} description={t(agent ? 'descriptionPartner' : 'descriptionCustomer', { organisation: agent ? who.partnerName : who.customerName })} />
      {manages ? (
        <>
          <InvitePeople side={agent ? 'partner' : 'customer'} />
          {agent && <RequireMfa required={(await mfaState(who.userId)).required} />}
        </>
      ) : (
        <Notice intent="info">{t(agent ? 'adminsOnly' : 'verifyFirst')}</Notice>
      )}
      <PeopleTable rows={rows} manages={manages} side={agent ? 'partner' : 'customer'} />
    </>
  );
}
