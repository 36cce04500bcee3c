import { expect, test, type Browser, type Page } from '@playwright/test';
import { baseURL } from '../playwright.config';
import { expectSaved, signIn, story } from './helpers';

const status = (page: Page) => page.getByTestId('workflow-status');

/** Types at the end of the story and waits until the server has it. */
async function appendToStory(page: Page, text: string) {
  await story(page).click();
  await page.keyboard.press('Control+End');
  await page.keyboard.insertText(text);
  await expectSaved(page);
}

/** Takes a workflow action by its button and waits for the status it leads to. */
async function takeAction(page: Page, button: string, expected: string) {
  await page.getByRole('button', { name: button }).click();
  await expect(status(page)).toHaveText(expected, { timeout: 30_000 });
}

async function personPage(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

/** Selects a phrase in the review screen the way a reader drags across it. */
async function selectPhrase(page: Page, phrase: string) {
  await page
    .getByRole('textbox', { name: 'Story under review' })
    .or(page.locator('[aria-label="Story under review"]'))
    .first()
    .evaluate((root, wanted) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent?.indexOf(wanted) ?? -1;
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + wanted.length);
        const selection = window.getSelection()!;
        selection.removeAllRanges();
        selection.addRange(range);
        root.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
        return;
      }
      throw new Error(`"${wanted}" is not in the story`);
    }, phrase);
}

// Unique per run, so a rerun against the same data directory finds its own article.
const HEADLINE = `Students Push for Later Start Times (${Date.now().toString(36)})`;
const LEDE = 'A majority of students want school to start later, according to a survey released this week. ';
const FILLER = 'Students, parents and teachers spoke at the board meeting about sleep, buses, sports practice and after-school jobs. ';

test('the full loop: submit, comment on a phrase and request changes, revise and resubmit, approve and publish, a reader sees it; then an edit voids a second approval', async ({ browser }) => {
  test.setTimeout(240_000);
  // The reporter writes and submits.
  const reporter = await personPage(browser, 'andrew.choi@canyoncrest.example');
  await reporter.getByRole('button', { name: 'New article' }).click();
  await reporter.waitForURL(/\/newsroom\/articles\/[a-z0-9]+$/, { timeout: 60_000 });
  const articleUrl = reporter.url();
  await reporter.getByLabel('Headline', { exact: true }).fill(HEADLINE);
  await reporter.getByRole('combobox', { name: 'Section' }).selectOption({ label: 'News' });
  await story(reporter).click();
  await reporter.keyboard.insertText(LEDE + FILLER.repeat(9));
  await expectSaved(reporter);
  await takeAction(reporter, 'Submit for review', 'Submitted for review');

  // The adviser comments on a phrase and asks for changes.
  const adviser = await personPage(browser, 'adviser@canyoncrest.example');
  await adviser.goto(articleUrl);
  await expect(adviser.locator('[aria-label="Story under review"]')).toContainText('according to a survey', { timeout: 30_000 });
  await selectPhrase(adviser, 'according to a survey');
  const anchored = adviser.getByRole('form', { name: 'Comment on selection' });
  await expect(anchored).toContainText('according to a survey');
  await anchored.getByLabel('Comment on selection').fill('Which survey? Name who ran it.');
  await anchored.getByRole('button', { name: 'Add comment' }).click();
  await expect(adviser.locator('mark.comment-anchor')).toHaveText('according to a survey', { timeout: 30_000 });
  await adviser.getByRole('button', { name: 'Request changes' }).click();
  const changes = adviser.getByRole('form', { name: 'Request changes' });
  await changes.getByLabel('What needs to change?').fill('Attribute the survey before this runs.');
  await changes.getByRole('button', { name: 'Request changes' }).click();
  await expect(status(adviser)).toHaveText('Changes requested', { timeout: 30_000 });

  // The reporter sees the comment on the phrase, revises and resubmits.
  await reporter.goto(articleUrl);
  await expect(status(reporter)).toHaveText('Changes requested', { timeout: 30_000 });
  const thread = reporter.getByRole('article', { name: 'Comment by Elena Park' }).first();
  await expect(thread).toContainText('“according to a survey”');
  await expect(thread).toContainText('Which survey? Name who ran it.');
  await expect(story(reporter).locator('mark.comment-anchor')).toHaveText('according to a survey');
  await appendToStory(reporter, ' The survey was run by the student council.');
  await takeAction(reporter, 'Submit for review', 'Submitted for review');

  // The adviser approves and publishes.
  await adviser.goto(articleUrl);
  await takeAction(adviser, 'Approve', 'Approved');
  await takeAction(adviser, 'Publish now', 'Published');
  const history = adviser.getByRole('list', { name: 'History' });
  await expect(history.locator('li')).toHaveCount(5);
  await expect(history).toContainText('Request changes — Elena Park (Faculty adviser)');

  // A reader finds it on the front page and reads it, without the newsroom's comment marks.
  const reader = await (await browser.newContext({ baseURL })).newPage();
  await reader.goto('/canyon-crest');
  await reader.getByRole('link', { name: HEADLINE }).click();
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(HEADLINE, { timeout: 60_000 });
  await expect(reader.locator('.article-body')).toContainText('The survey was run by the student council.');
  await expect(reader.locator('.article-body mark')).toHaveCount(0);
  const publicUrl = reader.url();

  // An edit of the published story goes to review; after its approval, another edit voids it.
  await reporter.goto(articleUrl);
  await appendToStory(reporter, ' The board votes next month.');
  await takeAction(reporter, 'Submit for review', 'Submitted for review');
  await adviser.goto(articleUrl);
  await takeAction(adviser, 'Approve', 'Approved');

  await reporter.goto(articleUrl);
  await appendToStory(reporter, ' One more late change.');
  await reporter.reload();
  await expect(status(reporter)).toHaveText('Submitted for review', { timeout: 30_000 });
  await expect(reporter.getByRole('list', { name: 'History' })).toContainText('approval voided by an edit');
  await adviser.goto(articleUrl);
  await expect(adviser.getByRole('button', { name: 'Publish now' })).toHaveCount(0);
  await expect(adviser.getByRole('button', { name: 'Approve' })).toBeVisible();

  // Readers still see the published version.
  await reader.goto(publicUrl);
  await expect(reader.locator('.article-body')).toContainText('The survey was run by the student council.');
  await expect(reader.locator('.article-body')).not.toContainText('The board votes next month.');
});
