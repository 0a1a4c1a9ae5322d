import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { firstLink, listOutbox } from '@/lib/mail/outbox';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('outbox'))('title'), robots: { index: false } };
}

/**
 * The mail the portal wrote to its outbox folder (the demo, development):
 * each message's recipient, subject and action link, so that a newcomer can
 * follow every link. There is no such page when mail goes to a server.
 */
export default async function OutboxPage() {
  const entries = listOutbox();
  if (!entries) notFound();
  const t = await getTranslations('outbox');
  const format = await getFormatter();
  return (
    <main style={{ maxWidth: 1100, margin: '4vh auto', padding: 32, background: '#fff', boxShadow: '0 2px 8px rgba(0,0,0,.12)' }}>
      <h1 style={{ fontSize: 28, fontWeight: 600, margin: '0 0 8px' }}>{t('title')}</h1>
      <p style={{ color: '#605e5c', maxWidth: 720 }}>{t('description')}</p>
      {entries.length === 0 ? (
        <p>{t('empty')}</p>
      ) : (
        <table style={{ borderCollapse: 'collapse', width: '100%' }}>
          <caption style={{ textAlign: 'left', fontWeight: 600, padding: '8px 0' }}>{t('title')}</caption>
          <thead>
            <tr>
              {(['sent', 'to', 'subject', 'link'] as const).map((k) => (
                <th key={k} scope="col" style={{ textAlign: 'left', borderBottom: '1px solid #e0e0e0', padding: 8 }}>
                  {t(k)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => {
              const link = firstLink(e.text);
              return (
                <tr key={e.id}>
                  <td style={{ padding: 8, whiteSpace: 'nowrap' }}>{format.dateTime(new Date(e.at), { dateStyle: 'medium', timeStyle: 'medium' })}</td>
                  <td style={{ padding: 8 }}>{e.to}</td>
                  <td style={{ padding: 8 }}>{e.subject}</td>
                  <td style={{ padding: 8 }}>
                    {link && (
                      <a href={link} aria-label={`${t('open')}: ${e.subject}`}>
                        {t('open')}
                      </a>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </main>
  );
}
