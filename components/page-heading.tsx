import type { ReactNode } from 'react';

/** A page's heading (the page's one h1) and what the page is for. */
export function PageHeading({ title, description, children }: { title: string; description?: string; children?: ReactNode }) {
  return (
    <div style={{ marginBottom: 20 }}>
      <h1 style={{ fontSize: 28, fontWeight: 600, margin: '0 0 8px' }}>{title}</h1>
      {description && <p style={{ margin: 0, color: '#605e5c', maxWidth: 720 }}>{description}</p>}
      {children}
    </div>
  );
}
