// Scheduled publishing survives a restart: the article is scheduled, the app server goes down, its
// time passes, and a freshly started server (the same command as `npm start`, on the same
// database) publishes it within a minute.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { baseURL, e2eServerEnv } from '../playwright.config';
import { signIn } from './helpers';
import { withServerStopped } from './processes';

const origin = { Origin: baseURL };
const RESTART_PORT = Number(process.env.E2E_RESTART_PORT ?? 3101);
const databaseUrl = `postgresql://masthead:masthead@127.0.0.1:${process.env.E2E_PG_PORT ?? 54349}/masthead`;
const projectRoot = path.resolve(import.meta.dirname, '..');

async function act(request: APIRequestContext, articleId: string, action: string, extra: Record<string, unknown> = {}) {
  const article = await request.get(`/api/schools/canyon-crest/articles/${articleId}/state`);
  const { version } = (await article.json()) as { version: number };
  const response = await request.post(`/api/schools/canyon-crest/articles/${articleId}/transitions`, { headers: origin, data: { action, expectedVersion: version, ...extra } });
  expect(response.status(), `${action}: ${await response.text()}`).toBe(200);
}

// A second copy of the server under test (the same build, as `npm start` runs it) on the same
// database: what an operator's restart brings back.
function startServer(): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'scripts/serve.ts', '--production'], {
    cwd: projectRoot,
    detached: true,
    stdio: 'ignore',
    env: {
      ...process.env,
      ...e2eServerEnv,
      DATABASE_URL: databaseUrl,
      PORT: String(RESTART_PORT),
      MASTHEAD_DATA_DIR: '.data/e2e-restart',
      MASTHEAD_SCHEDULER_INTERVAL_MS: '5000',
      NEXTAUTH_URL: `http://127.0.0.1:${RESTART_PORT}`,
    },
  });
}

async function waitForHealth(url: string, deadline: number) {
  while (Date.now() < deadline) {
    const ok = await fetch(url)
      .then((response) => response.ok)
      .catch(() => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${url} did not come up`);
}

test('a scheduled article is published after the server restarts past its time', async ({ page, browser }) => {
  test.setTimeout(240_000);
  const reporter: Page = page;
  await signIn(reporter, 'andrew.choi@canyoncrest.example');
  const created = await reporter.request.post('/api/schools/canyon-crest/articles', { headers: origin, data: { headline: 'Spring Schedule Released' } });
  const { id, version } = (await created.json()) as { id: string; version: number };
  const body = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'The spring schedule is out. '.repeat(40).trim() }] }] };
  const saved = await reporter.request.put(`/api/schools/canyon-crest/articles/${id}`, {
    headers: origin,
    data: { expectedVersion: version, headline: 'Spring Schedule Released', deck: '', sectionId: null, tags: [], body, bylines: [{ membershipId: null, guestName: 'Staff', title: 'Staff Writer' }] },
  });
  expect(saved.status()).toBe(200);
  await act(reporter.request, id, 'submit');

  const adviserContext = await browser.newContext({ baseURL });
  const adviser = await adviserContext.newPage();
  await signIn(adviser, 'adviser@canyoncrest.example');
  await act(adviser.request, id, 'approve');
  // Soon enough not to keep the suite waiting, late enough that the schedule request arrives first.
  const publishAt = Date.now() + 8_000;
  await act(adviser.request, id, 'schedule', { scheduledFor: new Date(publishAt).toISOString() });
  const slug = ((await (await adviser.request.get(`/api/schools/canyon-crest/articles/${id}/state`)).json()) as { slug: string }).slug;

  // The server goes down before the time and stays down past it.
  const port = Number(new URL(baseURL).port);
  let restarted: ChildProcess | null = null;
  try {
    await withServerStopped(port, async () => {
      while (Date.now() < publishAt + 2_000) await new Promise((resolve) => setTimeout(resolve, 500));
      const startedAt = Date.now();
      restarted = startServer();
      await waitForHealth(`http://127.0.0.1:${RESTART_PORT}/api/health`, Date.now() + 120_000);
      // Within a minute of starting, the article is live.
      await expect.poll(async () => (await fetch(`http://127.0.0.1:${RESTART_PORT}/canyon-crest/articles/${slug}`)).status, { timeout: 60_000, intervals: [1000] }).toBe(200);
      expect(Date.now() - startedAt).toBeLessThan(180_000);
    });
  } finally {
    if (restarted) process.kill(-(restarted as ChildProcess).pid!, 'SIGTERM');
  }
  const state = (await (await adviser.request.get(`/api/schools/canyon-crest/articles/${id}/state`)).json()) as { status: string; history: { what: string; who: string }[] };
  expect(state.status).toBe('PUBLISHED');
  expect(state.history.at(-1)).toMatchObject({ what: 'published on schedule', who: 'Masthead (scheduled)' });
});
