import { LANGS, isLang, type Lang } from '@/lib/autopilot';

export const LOCALE_COOKIE = 'NEXT_LOCALE';
export const DEFAULT_LOCALE: Lang = 'en';

/** The cookie's language, else the first of the browser's languages the portal speaks, else English. */
export function pickLocale(cookie: string | undefined, acceptLanguage: string | null): Lang {
  if (cookie && isLang(cookie)) return cookie;
  const wanted = (acceptLanguage ?? '')
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { lang: tag.toLowerCase().split('-')[0] ?? '', q: q ? Number(q.slice(2)) : 1 };
    })
    .filter((w) => w.lang && !Number.isNaN(w.q) && w.q > 0)
    .sort((a, b) => b.q - a.q);
  return (wanted.map((w) => w.lang).find((lang) => (LANGS as readonly string[]).includes(lang)) as Lang | undefined) ?? DEFAULT_LOCALE;
}
