'use client';

import Link from 'next/link';
import { usePathname, useSearchParams } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { Text } from '@fluentui/react-components';

/** Previous and next pages, kept in the URL with the rest of the table's state. */
export function Pager({ page, pageCount, total }: { page: number; pageCount: number; total: number }) {
  const t = useTranslations('table');
  const pathname = usePathname();
  const params = useSearchParams();
  const href = (p: number) => {
    const next = new URLSearchParams(params.toString());
    if (p <= 1) next.delete('page');
    else next.set('page', String(p));
    const query = next.toString();
    return query ? `${pathname}?${query}` : pathname;
  };
  return (
    <nav aria-label={t('pagination')} style={{ display: 'flex', gap: 16, alignItems: 'center', marginTop: 12 }}>
      <Text>{t('pageOf', { page, pages: Math.max(pageCount, 1), total })}</Text>
      {page > 1 ? <Link href={href(page - 1)}>{t('previous')}</Link> : null}
      {page < pageCount ? <Link href={href(page + 1)}>{t('next')}</Link> : null}
    </nav>
  );
}
