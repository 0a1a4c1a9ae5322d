'use client';

import { useRef, useState, type ReactNode } from 'react';
import { useServerInsertedHTML } from 'next/navigation';
import {
  FluentProvider,
  RendererProvider,
  SSRProvider,
  createDOMRenderer,
  webLightTheme,
  type GriffelRenderer,
} from '@fluentui/react-components';

/** Griffel's bucket order (reset, default, link, visited, focus…, hover, active, at-rules, media, container), then priority. */
const BUCKETS = 'rdlvwfihaskmcx';

function bucketOrder(sheet: { bucketName: string; elementAttributes: Record<string, string> } | undefined): number {
  if (!sheet) return 0;
  return BUCKETS.indexOf(sheet.bucketName) * 1000 + Number(sheet.elementAttributes['data-priority'] ?? 0);
}

/**
 * Fluent UI rendered on the server: the styles of each streamed chunk are
 * inserted with it, only those not sent before, so that content arriving
 * later (inside Suspense) is styled too.
 */
export function FluentRoot({ children }: { children: ReactNode }) {
  const [renderer] = useState<GriffelRenderer>(() => createDOMRenderer());
  const sent = useRef(new Map<string, number>());

  useServerInsertedHTML(() => {
    const r = renderer;
    const elements: ReactNode[] = [];
    const sheets = Object.entries(r.stylesheets).sort(([, a], [, b]) => bucketOrder(a) - bucketOrder(b));
    for (const [key, sheet] of sheets) {
      if (!sheet) continue;
      const rules = sheet.cssRules();
      const from = sent.current.get(key) ?? 0;
      if (rules.length <= from) continue;
      sent.current.set(key, rules.length);
      elements.push(
        <style
          key={`${key}-${from}`}
          {...sheet.elementAttributes}
          data-make-styles-rehydration="true"
          dangerouslySetInnerHTML={{ __html: rules.slice(from).join('') }}
        />,
      );
    }
    return elements.length ? <>{elements}</> : null;
  });

  return (
    <RendererProvider renderer={renderer}>
      <SSRProvider>
        <FluentProvider theme={webLightTheme} style={{ minHeight: '100vh' }}>
          {children}
        </FluentProvider>
      </SSRProvider>
    </RendererProvider>
  );
}
