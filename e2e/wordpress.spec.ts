// Moving in and out over real HTTP: `npm run import:wordpress` into the running app's database, then
// the old WordPress addresses answer 301 on the school's path and on its own host and lead readers
// to the story; the adviser downloads the whole paper as a WordPress export.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { expect, request as playwrightRequest, test } from '@playwright/test';
import { baseURL, e2eServerEnv } from '../playwright.config';
import { embeddedDatabaseUrl } from '../scripts/lib/database';
import { signedInRequests } from './helpers';

const root = path.resolve(import.meta.dirname, '..');

test('a WordPress archive moves in: old permalinks answer 301 to the stories, and the paper goes out again as an export', async ({ page }) => {
  test.setTimeout(120_000);
  const imported = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/import-wordpress.ts', '--school', 'lincoln-high', path.join(root, 'tests/wordpress/fixtures/wordpress-6.xml')], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: embeddedDatabaseUrl(Number(e2eServerEnv.MASTHEAD_PG_PORT), 'masthead') },
    timeout: 90_000,
  });
  expect(imported.stderr).not.toContain('[import]');
  expect(imported.status).toBe(0);

  const reader = await playwrightRequest.newContext({ baseURL });
  const old = await reader.get('/lincoln-high/2024/05/12/robotics-team-wins-state/', { maxRedirects: 0 });
  expect(old.status()).toBe(301);
  expect(new URL(old.headers().location!, baseURL).pathname).toBe('/lincoln-high/articles/robotics-team-wins-state');
  const byId = await reader.get('/lincoln-high?p=140', { maxRedirects: 0 });
  expect([byId.status(), new URL(byId.headers().location!, baseURL).pathname]).toEqual([301, '/lincoln-high/articles/board-weighs-later-start-times']);
  // On the school's own host the old address is just the path it always had.
  const onHost = await reader.get('/2024/09/03/board-weighs-later-start-times/', { headers: { host: 'lincoln-high.masthead.test' }, maxRedirects: 0 });
  expect([onHost.status(), new URL(onHost.headers().location!, 'http://lincoln-high.masthead.test').href]).toEqual([301, 'http://lincoln-high.masthead.test/articles/board-weighs-later-start-times']);
  // An address nobody had is not found (after the usual trim of its trailing slash).
  expect((await reader.get('/lincoln-high/2024/05/12/never-was-a-story/', { maxRedirects: 0 })).status()).toBe(308);
  expect((await reader.get('/lincoln-high/2024/05/12/never-was-a-story', { maxRedirects: 0 })).status()).toBe(404);
  expect((await reader.get('/lincoln-high/articles/robotics-team-wins-state/', { maxRedirects: 0 })).headers().location).toMatch(/\/lincoln-high\/articles\/robotics-team-wins-state$/);

  // A reader following an old link lands on the story.
  await page.goto('/lincoln-high/2024/05/12/robotics-team-wins-state/');
  await expect(page).toHaveURL(/\/lincoln-high\/articles\/robotics-team-wins-state$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Robotics team wins state — again' })).toBeVisible();
  await expect(page.getByText('The Lincoln robotics team won the state championship on Saturday')).toBeVisible();

  const adviser = await signedInRequests('adviser@lincoln.example');
  const exported = await adviser.get('/api/schools/lincoln-high/export/wordpress');
  expect(exported.status()).toBe(200);
  expect(exported.headers()['content-disposition']).toMatch(/^attachment; filename="lincoln-high-\d{4}-\d{2}-\d{2}\.wordpress\.xml"$/);
  const xml = await exported.text();
  expect(xml).toContain('<wp:wxr_version>1.2</wp:wxr_version>');
  expect(xml).toContain('<wp:post_name>robotics-team-wins-state</wp:post_name>');
  const reporter = await signedInRequests('writer@lincoln.example');
  expect((await reporter.get('/api/schools/lincoln-high/export/wordpress')).status()).toBe(403);
});
