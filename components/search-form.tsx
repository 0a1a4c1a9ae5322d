'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { SearchBox } from '@fluentui/react-components';

/** A search box whose text goes into the URL (`q`), back to the first page. */
export function SearchForm({ label, placeholder }: { label: string; placeholder?: string }) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  return (
    <form
      role="search"
      onSubmit={(event) => {
        event.preventDefault();
        const typed = new FormData(event.currentTarget).get('q');
        const q = (typeof typed === 'string' ? typed : '').trim();
        const next = new URLSearchParams(params.toString());
        if (q) next.set('q', q);
        else next.delete('q');
        next.delete('page');
        router.push(`${pathname}?${next.toString()}`);
      }}
    >
      <SearchBox aria-label={label} name="q" defaultValue={params.get('q') ?? ''} placeholder={placeholder ?? label} style={{ minWidth: 320 }} />
    </form>
  );
}
