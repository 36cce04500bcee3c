import { defineConfig } from '@playwright/test';

// The e2e run starts the app exactly as a developer does (`npm run dev`: embedded PostgreSQL,
// migrations, seed), but on its own ports and a fresh data directory.
const port = Number(process.env.E2E_PORT ?? 3100);
export const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
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
  webServer: {
    command: 'npx tsx scripts/dev.ts',
    url: `${baseURL}/api/health`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    env: {
      PORT: String(port),
      MASTHEAD_DATA_DIR: process.env.E2E_DATA_DIR ?? '.data/e2e',
      MASTHEAD_PG_PORT: process.env.E2E_PG_PORT ?? '54349',
      NEXT_DIST_DIR: '.next-e2e',
      NEXTAUTH_URL: baseURL,
      MASTHEAD_ROOT_DOMAIN: 'masthead.test',
    },
  },
});
