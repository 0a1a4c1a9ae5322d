import { defineConfig } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 3200);
/** Tests run against their own embedded database, made afresh for each run. */
export const DATABASE_URL = 'file:./data/e2e.db';
/** The tests' SMTP server (test-support/mail-sink.ts): every email the portal sends arrives there. */
const SMTP_PORT = Number(process.env.E2E_SMTP_PORT ?? 2525);
const MAIL_HTTP_PORT = Number(process.env.E2E_MAIL_HTTP_PORT ?? 2580);
/** The tests' OpenID provider (test-support/oidc-provider.ts), for "Sign in with Microsoft". */
const OIDC_PORT = Number(process.env.E2E_OIDC_PORT ?? 3210);
const OIDC = { OIDC_ISSUER: `http://127.0.0.1:${OIDC_PORT}`, OIDC_CLIENT_ID: 'autopilot-portal-e2e', OIDC_CLIENT_SECRET: 'e2e-client-secret-that-is-long-enough' };
/** The tests' DNS server (test-support/dns-server.ts): the portal asks it for domain verification records. */
const DNS_PORT = Number(process.env.E2E_DNS_PORT ?? 5354);
export const DNS_RECORDS_FILE = 'data/e2e-dns.json';
/** The people the provider knows (e2e/single-sign-on.spec.ts). */
export const OIDC_TEST_ACCOUNTS = [
  { login: 'sso-agent@sso.example', email: 'sso-agent@sso.example', emailVerified: true, name: 'Sid Sso' },
  { login: 'entra-person', email: 'someone.else@entra.example', emailVerified: false, name: 'Eve Entra', tid: '72f988bf-86f1-41af-91ab-2d7cd011db47' },
  { login: 'unverified@sso.example', email: 'unverified@sso.example', emailVerified: false, name: 'Una Unverified' },
];

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // One SQLite database, two cores: one worker keeps runs steady.
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? 'list' : [['list']],
  use: {
    baseURL: `http://localhost:${PORT}`,
    locale: 'en-US',
    trace: 'retain-on-failure',
    launchOptions: {
      // Debian's Chromium by default; CHROMIUM_PATH points elsewhere, or unset it where Playwright's own browser is installed.
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: [
    {
      command: 'npx tsx test-support/mail-sink.ts',
      url: `http://127.0.0.1:${MAIL_HTTP_PORT}/`,
      reuseExistingServer: false,
      timeout: 30_000,
      env: { E2E_SMTP_PORT: String(SMTP_PORT), E2E_MAIL_HTTP_PORT: String(MAIL_HTTP_PORT) },
    },
    {
      command: 'npx tsx test-support/oidc-provider.ts',
      url: `${OIDC.OIDC_ISSUER}/.well-known/openid-configuration`,
      reuseExistingServer: false,
      timeout: 30_000,
      env: {
        OIDC_TEST_PORT: String(OIDC_PORT),
        OIDC_CLIENT_ID: OIDC.OIDC_CLIENT_ID,
        OIDC_CLIENT_SECRET: OIDC.OIDC_CLIENT_SECRET,
        OIDC_REDIRECT_URI: `http://localhost:${PORT}/api/auth/callback/oidc`,
        OIDC_TEST_ACCOUNTS: JSON.stringify(OIDC_TEST_ACCOUNTS),
      },
    },
    {
      command: `mkdir -p data && echo '{}' > ${DNS_RECORDS_FILE} && npx tsx test-support/dns-server.ts`,
      port: DNS_PORT,
      reuseExistingServer: false,
      timeout: 30_000,
      env: { DNS_TEST_PORT: String(DNS_PORT), DNS_TEST_RECORDS: DNS_RECORDS_FILE },
    },
    {
      command: 'npx tsx scripts/e2e-database.ts && node server.mjs',
      url: `http://localhost:${PORT}/sign-in`,
      reuseExistingServer: false,
      timeout: 120_000,
      // A small body cap, so that the API's 413 is tested without sending 64 MB.
      env: {
        DATABASE_URL,
        AUTH_SECRET_FILE: 'data/auth-secret',
        SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`,
        MAIL_FROM: 'Autopilot partner portal <no-reply@portal.example>',
        PORT: String(PORT),
        NEXT_TELEMETRY_DISABLED: '1',
        API_MAX_BODY_BYTES: '3000000',
        DNS_RESOLVER: `127.0.0.1:${DNS_PORT}`,
        ...OIDC,
      },
    },
  ],
});
