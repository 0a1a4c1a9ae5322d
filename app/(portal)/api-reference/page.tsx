import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { PageHeading } from '@/components/page-heading';
import { openApiDocument } from '@/lib/api/openapi';
import { requireAgent } from '@/lib/auth/actor';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('apiReference'))('title') };
}

/** The document's Markdown as far as it uses it: `code` spans. */
function Text({ children }: { children: string }) {
  return children.split(/(`[^`]+`)/).map((part, i) => (part.startsWith('`') && part.endsWith('`') && part.length > 2 ? <code key={i}>{part.slice(1, -1)}</code> : part));
}

/** The API, readable: every operation of the OpenAPI document, with its answers. */
export default async function ApiReferencePage() {
  await requireAgent();
  const t = await getTranslations('apiReference');
  const operations = Object.entries(openApiDocument.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => ['get', 'post', 'delete'].includes(method))
      .map(([method, op]) => ({ path, method: method.toUpperCase(), op: op as { summary: string; description?: string; responses: Record<string, { description: string }> } })),
  );
  return (
    <>
      <PageHeading title={t('title')} />
      <p style={{ maxWidth: 760 }}>
        <Text>{openApiDocument.info.description}</Text>
      </p>
      <p>
        {t('base')} <code>/api/v1</code> · <a href="/api/v1/openapi.json">{t('document')}</a>
      </p>
      {operations.map(({ path, method, op }) => (
        <section key={`${method} ${path}`} style={{ marginBottom: 24 }}>
          <h2 style={{ fontSize: 16, fontWeight: 600, margin: '0 0 4px' }}>
            <code>
              {method} /api/v1{path}
            </code>
          </h2>
          <p style={{ margin: '0 0 4px' }}>
            <Text>{op.summary}</Text>
          </p>
          {op.description && (
            <p style={{ margin: '0 0 4px', maxWidth: 760 }}>
              <Text>{op.description}</Text>
            </p>
          )}
          <ul style={{ margin: 0 }}>
            {Object.entries(op.responses).map(([status, response]) => (
              <li key={status}>
                <code>{status}</code> <Text>{response.description}</Text>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
