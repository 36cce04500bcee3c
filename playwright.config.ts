import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { defineConfig } from '@playwright/test';

// The browser tests run against what ships: `next build`, then the server `npm start` runs (Next
// behind the reader page cache, production CSP, no-script reader pages), on its own ports and an
// empty data directory (embedded PostgreSQL, migrations, demo seed). Its mail goes over SMTP to a
// local catcher (e2e/support/mail-catcher.ts) that the tests read. e2e/dev-server.spec.ts covers
// `npm run dev`, the newcomer's path, separately.
//
// A worker per core, at most four (E2E_WORKERS overrides). A browser test leaves about a third of
// two cores idle (waiting on the browser, on timers and restarts), so on the 2-core CI machine a
// second worker, though it slows each test, finished the 55 tests in 394 s against 476 s for one,
// the same build on a quiet machine, back to back (with the 38-test suite of an earlier session it
// had measured 9.4 min against 9.1). Each worker gets a whole
// deployment of its own — app server, PostgreSQL, mail catcher, ports — so no spec can see
// another's data, settings, sessions or mail, whatever runs beside it. A worker finds its own by
// Playwright's TEST_PARALLEL_INDEX; e2e/support/stacks.ts starts them all.
export const e2eWorkers = Number(process.env.E2E_WORKERS ?? Math.min(4, availableParallelism()));
export const e2eDistDir = '.next-e2e';

// Chromium's headless shell (Debian's chromium-headless-shell, the build Playwright itself runs
// headless) when installed: without the full browser's compositor and GPU process it ran the same
// specs in 93 s against 116 s. Full Chromium otherwise; CHROMIUM_PATH chooses another.
const HEADLESS_SHELL = '/usr/bin/chromium-headless-shell';
const chromiumPath = process.env.CHROMIUM_PATH ?? (existsSync(HEADLESS_SHELL) ? HEADLESS_SHELL : '/usr/bin/chromium');

export function e2eStack(index: number) {
  const port = 3100 + 10 * index;
  const baseURL = `http://127.0.0.1:${port}`;
  const smtpPort = 2526 + 10 * index;
  return {
    baseURL,
    mailCatcherURL: `http://127.0.0.1:${3109 + 10 * index}`,
    mailCatcherEnv: { E2E_SMTP_PORT: String(smtpPort), E2E_MAIL_PORT: String(3109 + 10 * index) },
    /** A second server on the same database, for specs that restart or crash one. */
    secondPort: port + 1,
    /** `npm run dev` for the newcomer's smoke spec, with a database of its own. */
    devPort: port + 2,
    devDatabasePort: 54359 + 100 * index,
    /** What the app server under test is started with; specs that start a second server reuse it. */
    serverEnv: {
      PORT: String(port),
      MASTHEAD_DATA_DIR: `.data/e2e-${index}`,
      MASTHEAD_PG_PORT: String(54349 + 100 * index),
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
    },
  };
}

/** This worker's deployment (the first one in the runner's own process). */
export const e2eOwnStack = e2eStack(Number(process.env.TEST_PARALLEL_INDEX ?? 0));
export const { baseURL, mailCatcherURL } = e2eOwnStack;
export const e2eServerEnv = e2eOwnStack.serverEnv;

export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: e2eWorkers,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: [['list'], ['json', { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ?? 'test-results/playwright.json' }]],
  use: {
    baseURL,
    // Recording a trace (DOM snapshots and a screencast of every action) cost 13 % of the suite's
    // time for files nobody reads on CI; E2E_TRACE=on keeps them for failures when debugging here.
    trace: process.env.E2E_TRACE === 'on' ? 'retain-on-failure' : 'off',
    launchOptions: {
      executablePath: chromiumPath,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: {
    command: 'npx tsx e2e/support/stacks.ts',
    // Ready when every worker's deployment answers its health check (the script says so).
    wait: { stdout: /e2e stacks ready/ },
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
  },
});
