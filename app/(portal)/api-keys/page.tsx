import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Notice } from '@/components/notice';
import { PageHeading } from '@/components/page-heading';
import { requireAgent } from '@/lib/auth/actor';
import { can } from '@/lib/auth/principal';
import { listApiKeys } from '@/lib/data/api-keys';
import { ApiKeysTable } from './_components/api-keys-table';
import { NewApiKey } from './_components/new-api-key';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('apiKeys'))('title') };
}

export default async function ApiKeysPage() {
  const actor = await requireAgent();
  const t = await getTranslations('apiKeys');
  if (!can(actor, 'api-keys:manage')) {
    return (
      <>
        <PageHeading title={t('title')} />
        <Notice intent="info">{t('adminsOnly')}</Notice>
      </>
    );
  }
  const keys = await listApiKeys(actor);
  return (
    <>
      <PageHeading title={t('title')} description={t('description', { partner: actor.partnerName })} />
      <p>
        <Link href="/api-reference">{t('reference')}</Link>
      </p>
      <NewApiKey />
      <ApiKeysTable rows={keys} />
    </>
  );
}
