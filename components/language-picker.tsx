'use client';

import { useId, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { useLocale, useTranslations } from 'next-intl';
import { Label, Select } from '@fluentui/react-components';
import { setLocaleAction } from '@/lib/actions/locale';

/** Each language is offered under its own name. */
const LANGUAGES = [
  { value: 'en', name: 'English' },
  { value: 'fr', name: 'Français' },
];

export function LanguagePicker() {
  const t = useTranslations('shell');
  const locale = useLocale();
  const router = useRouter();
  const id = useId();
  const [pending, startTransition] = useTransition();
  return (
    <div style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
      <Label htmlFor={id} style={{ color: 'inherit' }}>
        {t('language')}
      </Label>
      <Select
        id={id}
        value={locale}
        disabled={pending}
        onChange={(_, data) =>
          startTransition(async () => {
            await setLocaleAction(data.value);
            router.refresh();
          })
        }
      >
        {LANGUAGES.map((l) => (
          <option key={l.value} value={l.value} lang={l.value}>
            {l.name}
          </option>
        ))}
      </Select>
    </div>
  );
}
