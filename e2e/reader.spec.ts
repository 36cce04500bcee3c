import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import Parser from 'rss-parser';
import { baseURL } from '../playwright.config';
import { accessibilityViolations } from './accessibility';
import { signIn } from './helpers';

const origin = { Origin: baseURL };
const SEED_SLUG = 'north-korea-troops-russia-ukraine';
const SEED_HEADLINE = 'North Korean Troops Head to Russia, Unsettling Allies and Beijing';

const READER_PAGES = {
  front: '/canyon-crest',
  section: '/canyon-crest/sections/world',
  article: `/canyon-crest/articles/${SEED_SLUG}`,
  issue: '/canyon-crest/issues/1/1',
  archive: '/canyon-crest/issues',
  search: '/canyon-crest/search?q=China',
  staff: '/canyon-crest/staff',
  newsletter: '/canyon-crest/newsletter',
};

for (const [name, path] of Object.entries(READER_PAGES)) {
  test(`the ${name} page has no accessibility violations (axe, WCAG 2.1 AA)`, async ({ page }) => {
    const response = await page.goto(path);
    expect(response?.status()).toBe(200);
    await expect(page.locator('main')).toBeVisible({ timeout: 60_000 });
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
  });
}

test('the seed article’s issue page lists it under its section, and the article links back to the issue', async ({ page }) => {
  await page.goto(READER_PAGES.issue);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vol. 1, No. 1');
  const world = page.getByRole('region', { name: 'World' });
  await expect(world.getByRole('heading', { level: 3 })).toHaveText([SEED_HEADLINE]);
  await world.getByRole('link', { name: SEED_HEADLINE }).click();
  await page.waitForURL(new RegExp(`/articles/${SEED_SLUG}$`), { timeout: 60_000 });
  await expect(page.locator('.article-body h2')).toHaveText(['Strategic Risks and Global Repercussions', 'China’s Dilemma', 'A Shifting Power Landscape'], { timeout: 60_000 });
  await expect(page.getByRole('link', { name: 'Vol. 1, No. 1' })).toBeVisible();
  const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
  expect(jsonLd).toMatchObject({ '@type': 'NewsArticle', headline: SEED_HEADLINE, datePublished: '2026-11-20T16:00:00.000Z', author: [{ name: 'Andrew Choi' }] });
  expect(await page.locator('link[rel="canonical"]').getAttribute('href')).toMatch(new RegExp(`/articles/${SEED_SLUG}$`));
  expect(await page.locator('meta[property="og:title"]').getAttribute('content')).toBe(SEED_HEADLINE);
  // A reader's article page runs no script of ours: only what Next.js itself needs.
  const scripts = await page.locator('script[src]').evaluateAll((nodes) => nodes.map((node) => (node as HTMLScriptElement).src));
  expect(scripts.filter((src) => /editor|tiptap|workflow/i.test(src))).toEqual([]);
});

async function publishedViaApi(reporter: APIRequestContext, adviser: APIRequestContext, headline: string, text: string): Promise<{ id: string; slug: string }> {
  const created = await reporter.post('/api/schools/canyon-crest/articles', { headers: origin, data: { headline } });
  const { id, version } = (await created.json()) as { id: string; version: number };
  const body = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] };
  const saved = await reporter.put(`/api/schools/canyon-crest/articles/${id}`, {
    headers: origin,
    data: { expectedVersion: version, headline, deck: '', sectionId: null, tags: [], body, bylines: [{ membershipId: null, guestName: 'Casey Guest', title: 'Guest Writer' }] },
  });
  expect(saved.status()).toBe(200);
  for (const [who, action] of [
    [reporter, 'submit'],
    [adviser, 'approve'],
    [adviser, 'publish'],
  ] as const) {
    const state = (await (await who.get(`/api/schools/canyon-crest/articles/${id}/state`)).json()) as { version: number };
    const done = await who.post(`/api/schools/canyon-crest/articles/${id}/transitions`, { headers: origin, data: { action, expectedVersion: state.version } });
    expect(done.status(), `${action}: ${await done.text()}`).toBe(200);
  }
  const { slug } = (await (await adviser.get(`/api/schools/canyon-crest/articles/${id}/state`)).json()) as { slug: string };
  return { id, slug };
}

async function readerSees(page: Page, headline: string, word: string) {
  const parser = new Parser();
  const front = await (await page.request.get('/canyon-crest')).text();
  const search = await (await page.request.get(`/canyon-crest/search?q=${word}`)).text();
  const rss = await parser.parseString(await (await page.request.get('/canyon-crest/feed.xml')).text());
  const atom = await parser.parseString(await (await page.request.get('/canyon-crest/atom.xml')).text());
  const sitemap = await (await page.request.get('/canyon-crest/sitemap.xml')).text();
  return {
    front: front.includes(headline),
    search: search.includes(headline),
    rss: rss.items.some((item) => item.title === headline),
    atom: atom.items.some((item) => item.title === headline),
    sitemap: sitemap,
  };
}

test('after an unpublish the article is gone from its address (410), the front page, search, both feeds and the sitemap', async ({ page, browser }) => {
  test.setTimeout(180_000);
  await signIn(page, 'andrew.choi@canyoncrest.example');
  const adviserPage = await (await browser.newContext({ baseURL })).newPage();
  await signIn(adviserPage, 'adviser@canyoncrest.example');
  const headline = `Marching Band Retires Its Uniforms ${Date.now().toString(36)}`;
  const text = `The marching band voted to retire the sousaphone uniforms after thirty seasons. ${'Members, parents and the director spoke about cost, weather and tradition at the booster meeting. '.repeat(12)}`;
  const { id, slug } = await publishedViaApi(page.request, adviserPage.request, headline, text);

  const reader = await (await browser.newContext({ baseURL })).newPage();
  expect((await reader.request.get(`/canyon-crest/articles/${slug}`)).status()).toBe(200);
  const before = await readerSees(reader, headline, 'sousaphone');
  expect(before).toMatchObject({ front: true, search: true, rss: true, atom: true });
  expect(before.sitemap).toContain(`/articles/${slug}<`);

  const state = (await (await adviserPage.request.get(`/api/schools/canyon-crest/articles/${id}/state`)).json()) as { version: number };
  const unpublished = await adviserPage.request.post(`/api/schools/canyon-crest/articles/${id}/transitions`, {
    headers: origin,
    data: { action: 'unpublish', expectedVersion: state.version, reason: 'The band asked us to wait.' },
  });
  expect(unpublished.status()).toBe(200);

  const gone = await reader.request.get(`/canyon-crest/articles/${slug}`);
  expect(gone.status()).toBe(410);
  const after = await readerSees(reader, headline, 'sousaphone');
  expect(after).toMatchObject({ front: false, search: false, rss: false, atom: false });
  expect(after.sitemap).not.toContain(`/articles/${slug}<`);
});

test('nothing of the first school appears in the second school’s pages, search, feeds or sitemap', async ({ page }) => {
  const paths = [
    '/lincoln-high',
    '/lincoln-high/sections/news',
    '/lincoln-high/issues',
    '/lincoln-high/staff',
    '/lincoln-high/search?q=Pyongyang+China+troops',
    '/lincoln-high/search?q=Andrew',
    '/lincoln-high/feed.xml',
    '/lincoln-high/atom.xml',
    '/lincoln-high/sitemap.xml',
    '/lincoln-high/corrections',
  ];
  for (const path of paths) {
    const response = await page.request.get(path);
    expect(response.status(), path).toBe(200);
    const body = await response.text();
    for (const foreign of ['The Raven Report', SEED_HEADLINE, 'Andrew Choi', 'Elena Park', 'north-korea-troops']) expect(body, `${path} shows “${foreign}”`).not.toContain(foreign);
  }
  expect((await page.request.get(`/lincoln-high/articles/${SEED_SLUG}`)).status()).toBe(404);
  expect((await page.request.get('/lincoln-high/staff/andrew-choi')).status()).toBe(404);
  expect((await page.request.get('/lincoln-high/issues/1/1')).status()).toBe(404);
});

test('search narrows to a volume through its form; a search within one issue says so and widens to every issue', async ({ page, browser }) => {
  await page.goto('/canyon-crest/search?q=Beijing');
  await page.getByLabel('Volume').selectOption('1');
  await page.getByRole('button', { name: 'Search' }).click();
  await page.waitForURL(/[?&]volume=1(&|$)/, { timeout: 60_000 });
  await expect(page.getByRole('link', { name: SEED_HEADLINE })).toBeVisible();

  const adviser = await browser.newPage();
  await signIn(adviser, 'adviser@canyoncrest.example');
  await adviser.goto('/canyon-crest/newsroom/issues');
  const edition = (await adviser.getByRole('link', { name: 'Vol. 1, No. 1', exact: true }).getAttribute('href'))?.split('/').pop();
  await adviser.close();
  expect(edition).toBeTruthy();

  await page.goto(`/canyon-crest/search?q=Beijing&issue=${edition}`);
  await expect(page.getByText('Within Vol. 1, No. 1')).toBeVisible();
  await expect(page.getByRole('link', { name: SEED_HEADLINE })).toBeVisible();
  await page.getByRole('link', { name: 'search every issue' }).click();
  await page.waitForURL((url) => url.searchParams.get('q') === 'Beijing' && !url.searchParams.has('issue'), { timeout: 60_000 });
  await expect(page.getByLabel('Volume')).toBeVisible();
});
