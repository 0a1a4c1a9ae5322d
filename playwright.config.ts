import { defineConfig } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 3200);
/** Tests run against their own embedded database, made afresh for each run. */
const DATABASE_URL = 'file:./data/e2e.db';

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
  webServer: {
    command: 'npx tsx scripts/e2e-database.ts && npx next start',
    url: `http://localhost:${PORT}/sign-in`,
    reuseExistingServer: false,
    timeout: 120_000,
    // A small body cap, so that the API's 413 is tested without sending 64 MB.
    env: { DATABASE_URL, AUTH_SECRET_FILE: 'data/auth-secret', MAIL_OUTBOX: 'data/e2e-outbox', PORT: String(PORT), NEXT_TELEMETRY_DISABLED: '1', API_MAX_BODY_BYTES: '3000000' },
  },
});
