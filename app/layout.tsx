import type { Metadata } from 'next';
import type { ReactNode } from 'react';

export const metadata: Metadata = {
  title: 'Autopilot partner portal',
  description: 'Register your customers’ Windows devices for Windows Autopilot.',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: '"Segoe UI", system-ui, sans-serif', margin: 0 }}>{children}</body>
    </html>
  );
}
