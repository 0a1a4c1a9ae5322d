import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { PageHeading } from '@/components/page-heading';
import { requireActor } from '@/lib/auth/actor';
import { listPartnerRelationships } from '@/lib/data/partners';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('partnerRelationships'))('title') };
}

export default async function PartnerRelationshipsPage() {
  const actor = await requireActor();
  const rows = await listPartnerRelationships(actor);
  const t = await getTranslations('partnerRelationships');
  const tc = await getTranslations('customers');
  const format = await getFormatter();
  return (
    <>
      <PageHeading title={t('title')} description={t('description')} />
      {rows.length === 0 ? (
        <p>{t('empty')}</p>
      ) : (
        <table style={{ borderCollapse: 'collapse', minWidth: 640 }} aria-label={t('title')}>
          <thead>
            <tr style={{ textAlign: 'left' }}>
              <th>{t('columns.partner')}</th>
              <th>{t('columns.kind')}</th>
              <th>{t('columns.since')}</th>
              <th>{t('columns.approvedBy')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td>{r.partnerName}</td>
                <td>{tc(`kind.${r.kind}`)}</td>
                <td>{r.since ? format.dateTime(new Date(r.since), { dateStyle: 'medium' }) : '—'}</td>
                <td>{r.approvedBy ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
