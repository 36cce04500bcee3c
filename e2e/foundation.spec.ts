import { expect, test } from '@playwright/test';
import { signInThroughForm } from './helpers';

// The web server of this run was started by `scripts/serve.ts` on an empty data directory, so these
// tests also prove that a fresh checkout's run command brings up the database, migrations and seed.

test('the demo school front page is served from the embedded database', async ({ page }) => {
  await page.goto('/canyon-crest');
  await expect(page.getByRole('link', { name: 'The Raven Report' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Sections' }).getByRole('link')).toHaveText(['News', 'Opinion', 'World', 'Sports']);
  await page.getByRole('link', { name: 'North Korean Troops Head to Russia, Unsettling Allies and Beijing' }).click();
  // The dev server compiles a route on its first visit, which can take a while on a cold start.
  await page.waitForURL(/\/canyon-crest\/articles\/north-korea-troops-russia-ukraine$/, { timeout: 60_000 });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('North Korean Troops Head to Russia, Unsettling Allies and Beijing');
  await expect(page.getByRole('heading', { level: 2 })).toHaveText(['Strategic Risks and Global Repercussions', 'China’s Dilemma', 'A Shifting Power Landscape']);
  await expect(page.locator('blockquote')).toContainText('North Korea’s provision of military aid to Russia');
  const byline = page.getByRole('region', { name: 'About the authors' });
  await expect(byline).toContainText('Student Reporter Andrew Choi');
  await expect(byline).toContainText('Andrew Choi is a Sophomore student in Canyon Crest Academy');
});

test('a wrong password gets a clear message and no session', async ({ page }) => {
  await page.goto('/signin');
  await page.getByLabel('E-mail').fill('adviser@canyoncrest.example');
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.locator('form [role="alert"]')).toHaveText('That e-mail and password do not match an account.');
  await page.goto('/canyon-crest/newsroom');
  await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
});

test('an adviser signs in and reaches the newsroom of their school', async ({ page }) => {
  await signInThroughForm(page, 'adviser@canyoncrest.example');
  await expect(page).toHaveURL(/\/canyon-crest\/newsroom$/);
  await expect(page.getByText('Elena Park · Faculty adviser')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Robotics Team Reaches Regional Final' })).toBeVisible();
});

test("a member of the second school gets 404 for the first school's newsroom pages", async ({ page }) => {
  await signInThroughForm(page, 'adviser@lincoln.example');
  await expect(page).toHaveURL(/\/lincoln-high\/newsroom$/);
  await expect(page.getByRole('link', { name: 'Cafeteria to Add a Salad Bar After Student Petition' })).toBeVisible();
  const articleHref = await page.getByRole('link', { name: 'Cafeteria to Add a Salad Bar After Student Petition' }).getAttribute('href');
  const articleId = articleHref!.split('/').pop()!;

  const dashboard = await page.goto('/canyon-crest/newsroom');
  expect(dashboard?.status()).toBe(404);
  await expect(page.getByText('Robotics Team Reaches Regional Final')).toHaveCount(0);

  // And the first school's adviser cannot open the second school's article by its id.
  await page.context().clearCookies();
  await signInThroughForm(page, 'adviser@canyoncrest.example');
  const foreign = await page.goto(`/canyon-crest/newsroom/articles/${articleId}`);
  expect(foreign?.status()).toBe(404);
  await expect(page.getByText('Cafeteria to Add a Salad Bar')).toHaveCount(0);
});

test('the school is resolved from its subdomain and from its custom domain onto the same pages', async ({ request }) => {
  const bySubdomain = await request.get('/', { headers: { host: 'canyon-crest.masthead.test' } });
  expect(bySubdomain.status()).toBe(200);
  expect(await bySubdomain.text()).toContain('The Raven Report');

  const byCustomDomain = await request.get('/', { headers: { host: 'news.lincolnledger.test' } });
  expect(byCustomDomain.status()).toBe(200);
  const ledger = await byCustomDomain.text();
  expect(ledger).toContain('The Lincoln Ledger');
  expect(ledger).not.toContain('The Raven Report');

  const unknown = await request.get('/', { headers: { host: 'unknown-paper.example.org' } });
  expect(unknown.status()).toBe(404);
});
