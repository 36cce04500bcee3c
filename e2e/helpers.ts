import { expect, request as playwrightRequest, type APIRequestContext, type Page } from '@playwright/test';
import { baseURL, mailCatcherURL } from '../playwright.config';
import type { CaughtMessage } from './support/mail-catcher';

export const DEMO_PASSWORD = 'masthead-demo';

/** The editor's story body. */
export const story = (page: Page) => page.getByRole('textbox', { name: 'Story' });
/** The editor's save state (saved, saving, retrying, …), as its data attribute says. */
export const saveState = (page: Page) => page.locator('[data-save-state]');

/** Waits until the server has everything the editor holds. */
export async function expectSaved(page: Page) {
  await expect(saveState(page)).toHaveAttribute('data-save-state', 'saved', { timeout: 30_000 });
}

/** Signs in through the sign-in form and waits to land where it sends a member. */
export async function signInThroughForm(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto('/signin');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/signin'), { timeout: 60_000 });
}

/** Signs the page's browser in and lands where the sign-in form lands (/newsroom, which sends a
 * member of one school on to its newsroom). The session comes from the credentials endpoint the
 * form's action uses, a second quicker than filling the form: the form itself is the subject of the
 * foundation, accounts and no-JavaScript specs, which use signInThroughForm. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  const { csrfToken } = (await (await page.request.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const response = await page.request.post('/api/auth/callback/credentials', { headers: { Origin: baseURL }, form: { csrfToken, email, password, json: 'true' } });
  expect(response.ok(), `signing in ${email}`).toBe(true);
  await page.goto('/newsroom');
  await expect(page, `signed in as ${email}`).not.toHaveURL(/\/signin/);
}

/** An API client signed in as the given member through the credentials endpoint, sending the
 * app's own Origin as a browser on the site would. */
export async function signedInRequests(email: string, password = DEMO_PASSWORD): Promise<APIRequestContext> {
  const context = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { Origin: baseURL } });
  const { csrfToken } = (await (await context.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const response = await context.post('/api/auth/callback/credentials', { form: { csrfToken, email, password, json: 'true' } });
  expect(response.ok()).toBe(true);
  return context;
}

/** The newest message to `address` whose subject contains `subject`, as the local SMTP server
 * received it from the app; waits for the app's mail round to send it. */
export async function mailTo(address: string, subject: string): Promise<CaughtMessage> {
  let found: CaughtMessage | undefined;
  await expect
    .poll(
      async () => {
        const response = await fetch(`${mailCatcherURL}/messages?to=${encodeURIComponent(address)}`);
        found = ((await response.json()) as CaughtMessage[]).find((message) => message.subject.includes(subject));
        return found !== undefined;
      },
      { message: `mail "${subject}" to ${address}`, timeout: 15_000 },
    )
    .toBe(true);
  return found!;
}

/** Takes a saved story at `version` through the workflow over the API: the author submits it, the
 * adviser approves and publishes it. Returns the version it ends at. */
export async function submitApprovePublish(school: string, articleId: string, version: number, author: APIRequestContext, adviser: APIRequestContext): Promise<number> {
  let current = version;
  for (const [context, action] of [
    [author, 'submit'],
    [adviser, 'approve'],
    [adviser, 'publish'],
  ] as const) {
    const moved = await context.post(`/api/schools/${school}/articles/${articleId}/transitions`, { data: { action, expectedVersion: current } });
    expect(moved.status(), `${action}: ${await moved.text()}`).toBe(200);
    current = ((await moved.json()) as { version: number }).version;
  }
  return current;
}

/** A draft by the reporter with enough words for the checklist, started over the API; whoever
 * starts a story is its first byline, as in the newsroom. */
export async function draftOverApi(school: string, headline: string, reporter: APIRequestContext, deck = 'A deck for the story.'): Promise<{ id: string; version: number }> {
  const words = Array.from({ length: 200 }, (_, index) => ['students', 'gym', 'final', 'team', 'school'][index % 5]).join(' ');
  const created = await reporter.post(`/api/schools/${school}/articles`, {
    data: { headline, deck, body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: words }] }] } },
  });
  expect(created.status(), await created.text()).toBe(201);
  return (await created.json()) as { id: string; version: number };
}

/** A story by the reporter, published over the API (enough words for the checklist); its id and
 * address. A headline of the test's own keeps it apart from every other spec's stories. */
export async function publishedStoryOverApi(school: string, headline: string, reporter: APIRequestContext, adviser: APIRequestContext): Promise<{ id: string; slug: string }> {
  const { id, version } = await draftOverApi(school, headline, reporter);
  await submitApprovePublish(school, id, version, reporter, adviser);
  // The address the paper gives a new story: its headline, in lower case with hyphens.
  return {
    id,
    slug: headline
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, ''),
  };
}
