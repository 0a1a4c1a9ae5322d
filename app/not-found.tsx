import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

export default async function NotFound() {
  const t = await getTranslations('notFound');
  return (
    <main style={{ maxWidth: 560, margin: '10vh auto', padding: 32 }}>
      <title>{t('title')}</title>
      <h1 style={{ fontSize: 28, fontWeight: 600 }}>{t('title')}</h1>
      <p>{t('body')}</p>
      <Link href="/">{t('home')}</Link>
    </main>
  );
}
