import { defineConfig } from '@playwright/test';

// The browser tests run against what ships: `next build`, then the server `npm start` runs (Next
// behind the reader page cache, production CSP, no-script reader pages), on its own ports and an
// empty data directory (embedded PostgreSQL, migrations, demo seed). Its mail goes over SMTP to a
// local catcher (e2e/support/mail-catcher.ts) that the tests read. e2e/dev-server.spec.ts covers
// `npm run dev`, the newcomer's path, separately.
const port = Number(process.env.E2E_PORT ?? 3100);
export const baseURL = `http://127.0.0.1:${port}`;
export const e2eDistDir = '.next-e2e';
const smtpPort = Number(process.env.E2E_SMTP_PORT ?? 2526);
export const mailCatcherURL = `http://127.0.0.1:${process.env.E2E_MAIL_PORT ?? 3109}`;

/** What the app server under test is started with; specs that start a second server reuse it. */
export const e2eServerEnv = {
  PORT: String(port),
  MASTHEAD_DATA_DIR: process.env.E2E_DATA_DIR ?? '.data/e2e',
  MASTHEAD_PG_PORT: process.env.E2E_PG_PORT ?? '54349',
  NEXT_DIST_DIR: e2eDistDir,
  NEXTAUTH_URL: baseURL,
  // A fixed secret for a throwaway test deployment; production refuses to start without one.
  NEXTAUTH_SECRET: 'e2e-only-secret-not-for-any-real-deployment',
  MASTHEAD_ROOT_DOMAIN: 'masthead.test',
  SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
  MASTHEAD_MAIL_INTERVAL_MS: '500',
  MASTHEAD_NEWSLETTER_INTERVAL_MS: '300',
  MASTHEAD_AUDIENCE_FLUSH_MS: '300',
  MASTHEAD_PG_EPHEMERAL: '1',
  NEXT_TELEMETRY_DISABLED: '1',
};

export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: [['list'], ['json', { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ?? 'test-results/playwright.json' }]],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: [
    {
      command: 'npx tsx e2e/support/mail-catcher.ts',
      url: `${mailCatcherURL}/health`,
      timeout: 30_000,
      reuseExistingServer: false,
      gracefulShutdown: { signal: 'SIGTERM', timeout: 2_000 },
      env: { E2E_SMTP_PORT: String(smtpPort) },
    },
    {
      command: 'npx tsx e2e/support/production-server.ts',
      url: `${baseURL}/api/health`,
      timeout: 300_000,
      reuseExistingServer: false,
      stdout: 'pipe',
      gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
      env: e2eServerEnv,
    },
  ],
});
