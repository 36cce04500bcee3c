// Scheduled publishing survives a restart: the article is scheduled, the app server goes down, its
// time passes, and a freshly started server (the same command as `npm start`, on the same
// database) publishes it within a minute.
import type { ChildProcess } from 'node:child_process';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { baseURL } from '../playwright.config';
import { signIn } from './helpers';
import { withServerStopped } from './processes';
import { SECOND_PORT as RESTART_PORT, startSecondServer, waitForHealth } from './support/second-server';

const origin = { Origin: baseURL };

async function act(request: APIRequestContext, articleId: string, action: string, extra: Record<string, unknown> = {}) {
  const article = await request.get(`/api/schools/canyon-crest/articles/${articleId}/state`);
  const { version } = (await article.json()) as { version: number };
  const response = await request.post(`/api/schools/canyon-crest/articles/${articleId}/transitions`, { headers: origin, data: { action, expectedVersion: version, ...extra } });
  expect(response.status(), `${action}: ${await response.text()}`).toBe(200);
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
  // Soon enough not to keep the suite waiting, late enough that the schedule request (a few hundred
  // milliseconds, under load) and stopping the server come first.
  const publishAt = Date.now() + 4_000;
  await act(adviser.request, id, 'schedule', { scheduledFor: new Date(publishAt).toISOString() });
  const slug = ((await (await adviser.request.get(`/api/schools/canyon-crest/articles/${id}/state`)).json()) as { slug: string }).slug;

  // The server goes down before the time and stays down past it.
  const port = Number(new URL(baseURL).port);
  let restarted: ChildProcess | null = null;
  try {
    await withServerStopped(port, async () => {
      while (Date.now() < publishAt + 2_000) await new Promise((resolve) => setTimeout(resolve, 500));
      const startedAt = Date.now();
      restarted = startSecondServer({ MASTHEAD_SCHEDULER_INTERVAL_MS: '5000' });
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
