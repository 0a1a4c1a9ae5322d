'use client';

import type { ReactNode } from 'react';
import { MessageBar, MessageBarBody } from '@fluentui/react-components';

/** A message bar for server-rendered pages: success and information are statuses, errors alerts. */
export function Notice({ intent, children }: { intent: 'success' | 'info' | 'warning' | 'error'; children: ReactNode }) {
  return (
    <MessageBar intent={intent} role={intent === 'error' ? 'alert' : 'status'} style={{ marginBottom: 16 }}>
      <MessageBarBody>{children}</MessageBarBody>
    </MessageBar>
  );
}
