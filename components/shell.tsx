'use client';

import type { ReactNode } from 'react';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { Button, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { signOutAction } from '@/lib/actions/sign-out';
import { LanguagePicker } from './language-picker';

export interface NavItem {
  href: string;
  label: string;
}

const useStyles = makeStyles({
  header: {
    display: 'flex',
    alignItems: 'center',
    gap: '24px',
    padding: '0 16px',
    height: '48px',
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
  },
  product: { fontWeight: tokens.fontWeightSemibold, marginRight: 'auto', color: 'inherit', textDecorationLine: 'none' },
  body: { display: 'flex', minHeight: 'calc(100vh - 48px)' },
  nav: {
    flexShrink: 0,
    width: '220px',
    padding: '12px 0',
    backgroundColor: tokens.colorNeutralBackground2,
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  navLink: {
    display: 'block',
    padding: '10px 20px',
    color: tokens.colorNeutralForeground1,
    textDecorationLine: 'none',
    ':hover': { backgroundColor: tokens.colorNeutralBackground2Hover },
  },
  current: { fontWeight: tokens.fontWeightSemibold, borderLeft: `3px solid ${tokens.colorBrandStroke1}` },
  main: { flexGrow: 1, minWidth: 0, padding: '24px 32px', backgroundColor: tokens.colorNeutralBackground1 },
  user: { color: 'inherit', textDecorationLine: 'none', ':hover': { textDecorationLine: 'underline' } },
  signOut: { color: 'inherit' },
  organisation: { color: 'inherit', marginLeft: '-16px' },
});

/**
 * The portal's frame: header (product, language, the signed-in person's name
 * linking to their Account page, their organisation, sign out) and navigation.
 * The link's name is the person's name alone, so that it never shares a word
 * with a page's own links (an organisation called "… Devices", say).
 */
export function Shell({ nav, userName, organisation, children }: { nav: NavItem[]; userName: string; organisation: string; children: ReactNode }) {
  const styles = useStyles();
  const t = useTranslations('shell');
  const pathname = usePathname();
  return (
    <>
      <header className={styles.header}>
        <Link href="/" className={styles.product}>
          {t('product')}
        </Link>
        <LanguagePicker />
        <Link href="/account" className={styles.user} aria-current={pathname === '/account' ? 'page' : undefined}>
          {userName}
        </Link>
        <Text className={styles.organisation}>{organisation}</Text>
        <form action={signOutAction}>
          <Button appearance="transparent" type="submit" className={styles.signOut}>
            {t('signOut')}
          </Button>
        </form>
      </header>
      <div className={styles.body}>
        <nav aria-label={t('navigation')} className={styles.nav}>
          {nav.map((item) => {
            const current = pathname === item.href || pathname.startsWith(`${item.href}/`);
            return (
              <Link
                key={item.href}
                href={item.href}
                aria-current={current ? 'page' : undefined}
                className={mergeClasses(styles.navLink, current && styles.current)}
              >
                {item.label}
              </Link>
            );
          })}
        </nav>
        <main className={styles.main}>{children}</main>
      </div>
    </>
  );
}
