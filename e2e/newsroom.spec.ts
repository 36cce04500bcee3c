// The newsroom shell and its pages for the people who use them: a navigation by role on every
// page, in a sensible keyboard order, usable on a phone, and no accessibility violations on any
// newsroom page, the editor, the review screen or the revisions page.
import { expect, test } from '@playwright/test';
import { baseURL } from '../playwright.config';
import { accessibilityViolations } from './accessibility';
import { signIn, signedInRequests } from './helpers';

const origin = { Origin: baseURL };
const school = 'canyon-crest';

/** A story of the reporter's, written and submitted through the API, as the editor would. */
async function submittedStory(headline: string): Promise<string> {
  const reporter = await signedInRequests('andrew.choi@canyoncrest.example');
  const created = await reporter.post(`/api/schools/${school}/articles`, { headers: origin, data: { headline } });
  const { id, version } = (await created.json()) as { id: string; version: number };
  const body = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'The library will stay open later during exam weeks, the principal said. '.repeat(20).trim() }] }] };
  const saved = await reporter.put(`/api/schools/${school}/articles/${id}`, {
    headers: origin,
    data: { expectedVersion: version, headline, deck: '', sectionId: null, tags: [], body, bylines: [{ guestName: 'Staff', title: 'Staff Writer' }] },
  });
  expect(saved.status(), await saved.text()).toBe(200);
  const submitted = await reporter.post(`/api/schools/${school}/articles/${id}/transitions`, {
    headers: origin,
    data: { action: 'submit', expectedVersion: ((await saved.json()) as { version: number }).version },
  });
  expect(submitted.status(), await submitted.text()).toBe(200);
  await reporter.dispose();
  return id;
}

test('no newsroom page, nor the editor, the review screen or the revisions page, has an accessibility violation', async ({ page, browser }) => {
  test.setTimeout(120_000);
  const storyId = await submittedStory('Library Extends Exam-Week Hours');
  await signIn(page, 'adviser@canyoncrest.example');
  const edition = /href="\/canyon-crest\/newsroom\/issues\/([^"/]+)"/.exec(await (await page.request.get(`/${school}/newsroom/issues`)).text())?.[1];
  expect(edition).toBeTruthy();
  const violations: string[] = [];
  for (const path of [
    '',
    '?waiting=me',
    '/issues',
    `/issues/${edition}`,
    '/requests',
    '/audience',
    `/audience?story=${storyId}`,
    '/comments',
    '/newsletter',
    '/members',
    '/settings',
    '/profile',
    '/inbox',
    '/import',
    `/articles/${storyId}`,
    `/articles/${storyId}/revisions`,
  ]) {
    const response = await page.goto(`/${school}/newsroom${path}`);
    expect(response?.status(), path).toBe(200);
    await expect(page.locator('main')).toBeVisible();
    if (path === `/articles/${storyId}`) await expect(page.locator('[aria-label="Story under review"]')).toBeVisible();
    violations.push(...(await accessibilityViolations(page)));
  }
  // The editor as its reporter sees it, toolbar and all.
  const reporter = await (await browser.newContext({ baseURL })).newPage();
  await signIn(reporter, 'andrew.choi@canyoncrest.example');
  await reporter.getByRole('button', { name: 'New article' }).click();
  await reporter.waitForURL(/\/newsroom\/articles\/[a-z0-9]+$/);
  await expect(reporter.getByRole('toolbar', { name: 'Formatting' })).toBeVisible();
  await expect(reporter.getByRole('textbox', { name: 'Story' })).toBeVisible();
  violations.push(...(await accessibilityViolations(reporter)));
  expect(violations).toEqual([]);
});

test('the navigation follows the role, marks the page it is on, and a keyboard reaches it in order, on a phone too', async ({ page, browser }) => {
  await signIn(page, 'andrew.choi@canyoncrest.example');
  const nav = page.getByRole('navigation', { name: 'Newsroom' });
  await expect(nav.getByRole('link')).toHaveText(['Story budget', 'My stories', 'Waiting for me', 'Issues', 'Media library', 'Import a file', /^Inbox/, 'Audience', 'Your profile']);
  await nav.getByRole('link', { name: 'Issues' }).click();
  await expect(page).toHaveURL(/\/newsroom\/issues$/);
  await expect(nav.getByRole('link', { name: 'Issues' })).toHaveAttribute('aria-current', 'page');
  await nav.getByRole('link', { name: 'My stories' }).click();
  await expect(nav.getByRole('link', { name: 'My stories' })).toHaveAttribute('aria-current', 'page');
  await expect(nav.getByRole('link', { name: 'Story budget' })).not.toHaveAttribute('aria-current', 'page');

  // The adviser also moderates comments, sends the newsletter, answers readers' requests and
  // manages members and settings.
  const adviserContext = await browser.newContext({ baseURL, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const adviser = await adviserContext.newPage();
  await signIn(adviser, 'adviser@canyoncrest.example');
  const adviserNav = adviser.getByRole('navigation', { name: 'Newsroom' });
  const labels = [
    'Story budget',
    'My stories',
    'Waiting for me',
    'Issues',
    'Media library',
    'Sports',
    'Import a file',
    /^Inbox/,
    'Audience',
    'Comments',
    'Newsletter',
    'Requests',
    'Members',
    'Settings',
    'Your profile',
  ];
  await expect(adviserNav.getByRole('link')).toHaveText(labels);

  // Keyboard order on a phone-sized screen: skip link, the paper, the account, then the navigation
  // from first to last, each entry scrolled into view as it takes the focus.
  await adviser.keyboard.press('Tab');
  await expect(adviser.getByRole('link', { name: 'Skip to content' })).toBeFocused();
  await adviser.keyboard.press('Tab');
  await expect(adviser.getByRole('link', { name: /newsroom$/ }).first()).toBeFocused();
  await adviser.keyboard.press('Tab');
  await expect(adviser.getByRole('link', { name: 'Public site' })).toBeFocused();
  await adviser.keyboard.press('Tab');
  await expect(adviser.getByRole('button', { name: 'Sign out' })).toBeFocused();
  for (const label of labels) {
    await adviser.keyboard.press('Tab');
    const link = adviserNav.getByRole('link', { name: label });
    await expect(link).toBeFocused();
    await expect(link).toBeInViewport();
  }
  await adviserNav.getByRole('link', { name: 'Settings' }).press('Enter');
  await expect(adviser).toHaveURL(/\/newsroom\/settings$/);
  await adviserContext.close();
});
