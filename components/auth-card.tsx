import type { ReactNode } from 'react';
import { getTranslations } from 'next-intl/server';
import { LanguagePicker } from './language-picker';

/** The card the pages outside the portal's shell sit in: sign-in, password reset, joining. */
export async function AuthCard({ title, children, width = 440 }: { title: string; children: ReactNode; width?: number }) {
  const t = await getTranslations('app');
  return (
    <main style={{ maxWidth: width, margin: '8vh auto', padding: 32, background: '#fff', boxShadow: '0 2px 8px rgba(0,0,0,.12)' }}>
      <p style={{ margin: 0, color: '#605e5c' }}>{t('name')}</p>
      <h1 style={{ fontWeight: 600, fontSize: 24, margin: '8px 0 24px' }}>{title}</h1>
      {children}
      <div style={{ marginTop: 32 }}>
        <LanguagePicker />
      </div>
    </main>
  );
}
