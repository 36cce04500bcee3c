import { expect, request as playwrightRequest, type APIRequestContext, type Page } from '@playwright/test';
import { baseURL, mailCatcherURL } from '../playwright.config';
import type { CaughtMessage } from './support/mail-catcher';

export const DEMO_PASSWORD = 'masthead-demo';

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto('/signin');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/signin'), { timeout: 60_000 });
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
