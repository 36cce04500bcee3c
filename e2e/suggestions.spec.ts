// Suggestion mode: an editor reviewing a story suggests an insertion and a deletion (saved like any
// edit), approval is refused while they are open, the author accepts one and rejects the other,
// and the published story has exactly the accepted change.
import { expect, request as playwrightRequest, test, type Page } from '@playwright/test';
import { baseURL } from '../playwright.config';
import { signIn, signedInRequests, submitApprovePublish } from './helpers';

const school = 'canyon-crest';
const saved = (page: Page) => expect(page.locator('[data-save-state]')).toHaveAttribute('data-save-state', 'saved', { timeout: 30_000 });

test('an editor suggests, approval waits, the author accepts one suggestion and rejects the other, and readers get exactly the accepted one', async ({ page, browser }) => {
  test.setTimeout(120_000);
  const reporter = await signedInRequests('andrew.choi@canyoncrest.example');
  const adviser = await signedInRequests('adviser@canyoncrest.example');
  const editorApi = await signedInRequests('editor@canyoncrest.example');
  const headline = `Robotics Practice Runs Late ${Date.now().toString(36)}`;
  const created = await reporter.post(`/api/schools/${school}/articles`, { data: { headline } });
  const { id, version } = (await created.json()) as { id: string; version: number };
  const words = Array.from({ length: 200 }, (_, index) => ['robots', 'gym', 'final', 'team'][index % 4]).join(' ');
  const body = {
    type: 'doc',
    content: [
      { type: 'paragraph', content: [{ type: 'text', text: 'Monday practice ran late.' }] },
      { type: 'paragraph', content: [{ type: 'text', text: words }] },
    ],
  };
  const first = await reporter.put(`/api/schools/${school}/articles/${id}`, {
    data: { expectedVersion: version, headline, deck: '', sectionId: null, tags: [], body, bylines: [{ guestName: 'Andrew Choi', title: 'Student Reporter' }] },
  });
  expect(first.status(), await first.text()).toBe(200);
  const submitted = await reporter.post(`/api/schools/${school}/articles/${id}/transitions`, { data: { action: 'submit', expectedVersion: ((await first.json()) as { version: number }).version } });
  expect(submitted.status(), await submitted.text()).toBe(200);

  // The editor suggests: "Early " before the first word, and the last word struck.
  await signIn(page, 'editor@canyoncrest.example');
  await page.goto(`/${school}/newsroom/articles/${id}`);
  await page.getByRole('link', { name: 'Suggest edits' }).click();
  await expect(page.getByRole('note').filter({ hasText: 'Suggesting:' })).toBeVisible();
  const story = page.getByRole('textbox', { name: 'Story' });
  await story.locator('p').first().click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.type('Early ');
  await page.keyboard.press('End');
  for (let press = 0; press < 'late.'.length; press++) await page.keyboard.press('Backspace');
  await expect(story.locator('ins.suggested-ins')).toHaveText('Early ');
  await expect(story.locator('del.suggested-del')).toHaveText('late.');
  // The words are still there, marked: nothing is lost until the author decides.
  await expect(story.locator('p').first()).toHaveText('Early Monday practice ran late.');
  await saved(page);

  // Approval waits for the author.
  const state = async () => ((await (await reporter.get(`/api/schools/${school}/articles/${id}/state`)).json()) as { version: number }).version;
  const refused = await adviser.post(`/api/schools/${school}/articles/${id}/transitions`, { data: { action: 'approve', expectedVersion: await state() } });
  expect(refused.status()).toBe(409);
  expect(((await refused.json()) as { error: string }).error).toBe('2 suggested edits are still open; the author accepts or rejects them first.');
  const sentBack = await editorApi.post(`/api/schools/${school}/articles/${id}/transitions`, { data: { action: 'requestChanges', expectedVersion: await state(), comment: 'See my suggestions.' } });
  expect(sentBack.status()).toBe(200);

  // The author settles them one by one.
  const author = await (await browser.newContext({ baseURL })).newPage();
  await signIn(author, 'andrew.choi@canyoncrest.example');
  await author.goto(`/${school}/newsroom/articles/${id}`);
  const panel = author.getByRole('region', { name: /Suggested edits/ });
  await expect(panel).toContainText('Maya Patel suggests adding “Early ”');
  await expect(panel).toContainText('Maya Patel suggests removing “late.”');
  await panel.getByRole('button', { name: 'Accept: add “Early ”' }).click();
  await panel.getByRole('button', { name: 'Reject: remove “late.”' }).click();
  await expect(panel).toBeHidden();
  const authorStory = author.getByRole('textbox', { name: 'Story' });
  await expect(authorStory.locator('p').first()).toHaveText('Early Monday practice ran late.');
  await expect(authorStory.locator('ins, del')).toHaveCount(0);
  await saved(author);

  // Now it goes through; readers get exactly the accepted change.
  await submitApprovePublish(school, id, await state(), reporter, adviser);
  const live = await (await playwrightRequest.newContext({ baseURL })).get(`/${school}/articles/${headline.toLowerCase().replace(/\s+/g, '-')}`);
  expect(live.status()).toBe(200);
  const html = await live.text();
  expect(html).toContain('<p>Early Monday practice ran late.</p>');
  expect(html).not.toMatch(/<(ins|del)\b/);
  // The history shows who suggested: the editor's saved revision is in the list.
  expect(await (await adviser.get(`/${school}/newsroom/articles/${id}/revisions`)).text()).toContain('Maya Patel');
});
