'use client';

import { useTransition } from 'react';
import { useTranslations } from 'next-intl';
import { Button, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { renewLinkAction } from '../actions';

/** A partner without a relationship link yet: an admin agent makes it. */
export function CreateLink({ canCreate }: { canCreate: boolean }) {
  const t = useTranslations('relationships');
  const [pending, startTransition] = useTransition();
  return (
    <section aria-labelledby="link" style={{ display: 'flex', flexDirection: 'column', gap: 12, maxWidth: 760 }}>
      <h2 id="link" style={{ fontSize: 20, fontWeight: 600, margin: 0 }}>
        {t('link.title')}
      </h2>
      <MessageBar intent="info">
        <MessageBarBody>{t('link.none')}</MessageBarBody>
      </MessageBar>
      {canCreate && (
        <div>
          <Button appearance="primary" disabled={pending} onClick={() => startTransition(async () => void (await renewLinkAction({})))}>
            {t('link.create')}
          </Button>
        </div>
      )}
    </section>
  );
}
