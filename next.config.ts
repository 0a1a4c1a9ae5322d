import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./i18n/request.ts');

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  serverExternalPackages: ['better-sqlite3'],
  experimental: {
    // An upload of 500 devices in UTF-16 is about 4.1 MB; the validator's own cap is 8 MiB.
    serverActions: { bodySizeLimit: '10mb' },
  },
};

export default withNextIntl(nextConfig);
