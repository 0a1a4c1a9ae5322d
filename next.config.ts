import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';
import { PERMISSIONS_POLICY } from './lib/security/headers';
import { PAGE_BODY_LIMIT } from './lib/security/page-bodies.mjs';

const withNextIntl = createNextIntlPlugin('./i18n/request.ts');

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  serverExternalPackages: ['better-sqlite3', 'pg', '@prisma/adapter-pg'],
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          // No other site may frame the portal: consent must be given on the portal's own page.
          { key: 'Content-Security-Policy', value: "frame-ancestors 'none'" },
          { key: 'X-Frame-Options', value: 'DENY' },
          // Consent links carry their token in the path: never send it to another site.
          { key: 'Referrer-Policy', value: 'same-origin' },
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Permissions-Policy', value: PERMISSIONS_POLICY },
        ],
      },
      {
        // The API's answers are someone's data: never kept by a cache.
        source: '/api/:path*',
        headers: [{ key: 'Cache-Control', value: 'no-store' }],
      },
    ];
  },
  experimental: {
    // Enforced by Next while it reads a body; server.mjs refuses a larger declared one before that.
    serverActions: { bodySizeLimit: PAGE_BODY_LIMIT },
  },
};

export default withNextIntl(nextConfig);
