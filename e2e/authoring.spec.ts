import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import sharp from 'sharp';
import { baseURL } from '../playwright.config';
import { expectSaved, saveState, signIn, story } from './helpers';
import { jpegWithGps } from './images';
import { crashRenderers, withServerStopped } from './processes';

const serverPort = Number(new URL(baseURL).port);

async function startArticle(page: Page, email = 'andrew.choi@canyoncrest.example'): Promise<string> {
  await signIn(page, email);
  await page.getByRole('button', { name: 'New article' }).click();
  await page.waitForURL(/\/newsroom\/articles\/[a-z0-9]+$/, { timeout: 60_000 });
  await expect(page.getByRole('textbox', { name: 'Story' })).toBeVisible({ timeout: 60_000 });
  return page.url();
}

test('a reporter writes a story with subheads, a quote, a pull quote and a captioned image; after a reload it is all there exactly', async ({ page }) => {
  await startArticle(page);
  await page.getByLabel('Headline', { exact: true }).fill('Debate Team Heads to State');
  await page.getByLabel('Deck', { exact: true }).fill('Three rounds, three wins, and a trip to Sacramento.');
  await page.getByRole('combobox', { name: 'Section' }).selectOption({ label: 'News' });

  await story(page).click();
  await page.keyboard.type('The debate team qualified for the state tournament on Saturday.');
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Subhead', exact: true }).click();
  await page.keyboard.type('How They Won');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Three rounds, three wins.');
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Quote', exact: true }).click();
  await page.keyboard.type('“We prepared every single night,” captain Lee Park said.');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Subhead', exact: true }).click();
  await page.keyboard.type('What Comes Next');
  await page.keyboard.press('Enter');
  await page.keyboard.type('We prepared every single night');
  await page.getByRole('button', { name: 'Pull quote' }).click();
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('The state tournament is in March.');

  await page.getByLabel('Upload image').setInputFiles({ name: 'team.jpg', mimeType: 'image/jpeg', buffer: await jpegWithGps(1600, 1000) });
  const figure = story(page).locator('figure');
  await expect(figure.locator('img')).toHaveJSProperty('complete', true, { timeout: 30_000 });
  await figure.getByLabel(/Alt text/).fill('Five debaters holding a trophy on a stage');
  await figure.getByLabel('Caption').fill('The team after the final round.');
  await figure.getByLabel('Photo credit').fill('Jordan Reyes / The Raven Report');
  await expectSaved(page);

  // Put the caret in the text, so the figure is not shown selected when the markup is compared.
  await story(page).getByText('The state tournament is in March.').click();
  const before = await story(page).innerHTML();
  await page.reload();
  await expect(story(page)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByLabel('Headline', { exact: true })).toHaveValue('Debate Team Heads to State');
  await expect(page.getByLabel('Deck', { exact: true })).toHaveValue('Three rounds, three wins, and a trip to Sacramento.');
  await expect(page.getByRole('combobox', { name: 'Section' }).locator('option:checked')).toHaveText('News');
  await expect(story(page).locator('h2')).toHaveText(['How They Won', 'What Comes Next']);
  await expect(story(page).locator('blockquote')).toHaveText('“We prepared every single night,” captain Lee Park said.');
  await expect(story(page).locator('aside[data-pull-quote]')).toHaveText('We prepared every single night');
  const reloadedFigure = story(page).locator('figure');
  await expect(reloadedFigure.getByLabel(/Alt text/)).toHaveValue('Five debaters holding a trophy on a stage');
  await expect(reloadedFigure.getByLabel('Caption')).toHaveValue('The team after the final round.');
  await expect(reloadedFigure.getByLabel('Photo credit')).toHaveValue('Jordan Reyes / The Raven Report');
  await expect(reloadedFigure.locator('img')).toHaveJSProperty('naturalWidth', 1600);
  // The photo as the server hands it out carries no EXIF: no GPS position, no camera.
  const served = await page.request.get((await reloadedFigure.locator('img').getAttribute('src'))!);
  expect(served.headers()['content-type']).toBe('image/jpeg');
  expect((await sharp(await served.body()).metadata()).exif).toBeUndefined();
  expect(await story(page).innerHTML()).toBe(before);
  await expect(page.getByTestId('word-count')).toHaveText('40 words');
});

test('the server is stopped while the reporter types: the text survives and is saved when the server returns', async ({ page, context }) => {
  // Two outages of up to half a minute each, and a server waking from SIGSTOP: more than the usual minute.
  test.setTimeout(180_000);
  const url = await startArticle(page);
  await page.getByLabel('Headline', { exact: true }).fill('Power Outage Closes Campus');
  await story(page).click();
  await page.keyboard.type('Written before the outage.');
  await expectSaved(page);

  // 1. The server hangs while the reporter types; when it comes back, the retry saves the text.
  await withServerStopped(serverPort, async () => {
    await page.keyboard.type(' Typed while the server was down.');
    await expect(saveState(page)).toHaveText(/Not saved — retrying/, { timeout: 30_000 });
    expect(
      await page.evaluate(() =>
        Object.entries(localStorage)
          .filter(([key]) => key.startsWith('masthead:draft:'))
          .map(([, value]) => value)
          .join(),
      ),
    ).toContain('Typed while the server was down.');
  });
  await expectSaved(page);
  await page.reload();
  await expect(story(page)).toHaveText('Written before the outage. Typed while the server was down.', { timeout: 30_000 });

  // 2. The tab crashes while the server is down; reopened later, the text comes back from this
  // browser and is saved.
  await expectSaved(page);
  await story(page).click();
  await page.keyboard.press('End');
  await withServerStopped(serverPort, async () => {
    await page.keyboard.type(' Then the laptop crashed.');
    await expect(saveState(page)).toHaveText(/Not saved — retrying/, { timeout: 30_000 });
    const crashed = page.waitForEvent('crash');
    expect(crashRenderers()).toBeGreaterThan(0);
    await crashed;
  });
  const reopened = await context.newPage();
  await reopened.goto(url);
  await expect(story(reopened)).toHaveText('Written before the outage. Typed while the server was down. Then the laptop crashed.', { timeout: 30_000 });
  await expectSaved(reopened);
  await reopened.reload();
  await expect(story(reopened)).toHaveText('Written before the outage. Typed while the server was down. Then the laptop crashed.', { timeout: 30_000 });
});

test('two tabs edit one article: the stale save meets the conflict view and no typed text is lost', async ({ page, context }) => {
  const url = await startArticle(page);
  await page.getByLabel('Headline', { exact: true }).fill('Library Extends Hours');
  await story(page).click();
  await page.keyboard.type('The library will stay open until 6 p.m.');
  await expectSaved(page);

  const second = await context.newPage();
  await second.goto(url);
  await expect(story(second)).toHaveText('The library will stay open until 6 p.m.', { timeout: 30_000 });

  await story(page).click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Alpha tab adds a sentence.');
  await expectSaved(page);

  await story(second).click();
  await second.keyboard.press('End');
  await second.keyboard.type(' Beta tab adds another.');
  const conflict = second.getByRole('region', { name: 'Someone else saved this article while you were writing' });
  await expect(conflict).toBeVisible({ timeout: 30_000 });
  await expect(conflict.getByTestId('conflict-theirs')).toContainText('Alpha tab adds a sentence.');
  await expect(conflict.getByTestId('conflict-mine')).toContainText('Beta tab adds another.');
  await expect(conflict.getByTestId('conflict-mine').locator('ins').first()).toHaveText('Beta');

  await conflict.getByRole('button', { name: 'Keep my version' }).click();
  await expectSaved(second);
  await expect(conflict).toHaveCount(0);

  // The first tab, now behind, meets the conflict too instead of overwriting silently. (Checked
  // before the revisions page is first opened: the dev server's first compile of a route can
  // reload other open pages, which would bring this tab up to date.)
  await story(page).click();
  await page.keyboard.type(' Alpha again.');
  await expect(page.getByRole('region', { name: 'Someone else saved this article while you were writing' })).toBeVisible({ timeout: 30_000 });
  await second.reload();
  await expect(story(second)).toHaveText('The library will stay open until 6 p.m. Beta tab adds another.', { timeout: 30_000 });

  // The other tab's text was not thrown away: it is the revision before, shown side by side.
  await second.getByRole('link', { name: 'Revisions' }).click();
  await expect(second.getByTestId('comparison-before')).toContainText('Alpha tab adds a sentence.', { timeout: 30_000 });
  await expect(second.getByTestId('comparison-after')).toContainText('Beta tab adds another.');
});

test('a Google Docs paste lands in the editor as clean subheads, marks and lists', async ({ page }) => {
  await startArticle(page);
  await story(page).click();
  const html =
    '<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-1234"><h1 dir="ltr" style="line-height:1.38"><span style="font-size:16pt;font-weight:400">Pasted Subhead</span></h1>' +
    '<p dir="ltr"><span style="font-weight:400">Plain, </span><span style="font-weight:700">bold</span><span style="font-style:italic"> and italic</span>, with <a href="https://www.google.com/url?q=https://district.example.org/budget&amp;sa=D&amp;ust=1"><span style="color:#1155cc">a link</span></a></p>' +
    '<p dir="ltr"><span style="font-size:11pt"> </span></p>' +
    '<ul><li dir="ltr" style="list-style-type:disc"><p dir="ltr"><span style="font-size:11pt">First point</span></p></li></ul></b>';
  await story(page).evaluate((element, pasted) => {
    const data = new DataTransfer();
    data.setData('text/html', pasted);
    data.setData('text/plain', 'Pasted Subhead');
    element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, html);
  await expect(story(page).locator('h2')).toHaveText('Pasted Subhead');
  await expect(story(page).locator('strong')).toHaveText('bold');
  await expect(story(page).locator('em')).toHaveText(' and italic');
  await expect(story(page).locator('ul > li')).toHaveText('First point');
  // Google's Title heading is our subhead, its redirect links point at the real address, and its
  // empty spacer paragraphs are gone.
  await expect(story(page).locator('a')).toHaveAttribute('href', 'https://district.example.org/budget');
  await expect(story(page).locator('p')).toHaveText(['Plain, bold and italic, with a link', 'First point', '']);
  // Nothing of Google's markup survives: no wrapper bold, no spans, no inline styles.
  expect(await story(page).locator('span, [style], b').count()).toBe(0);
  await expectSaved(page);
});

test('importing the example story as a text file gives a draft with its three subheads and byline', async ({ page }) => {
  await signIn(page, 'jordan.reyes@canyoncrest.example');
  await page.getByRole('link', { name: 'Import a file' }).click();
  await page.getByLabel('File').setInputFiles(path.join(import.meta.dirname, '../prisma/fixtures/seed-article.txt'));
  await page.getByRole('button', { name: 'Import' }).click();
  await page.waitForURL(/\/newsroom\/articles\/[a-z0-9]+$/, { timeout: 60_000 });
  await expect(story(page).locator('h2')).toHaveText(['Strategic Risks and Global Repercussions', 'China’s Dilemma', 'A Shifting Power Landscape'], { timeout: 30_000 });
  await expect(story(page).locator('blockquote')).toContainText('North Korea’s provision of military aid to Russia');
  await expect(page.getByRole('combobox', { name: 'Byline 1 person' }).locator('option:checked')).toHaveText('Andrew Choi');
  await expect(page.getByRole('combobox', { name: 'Byline 1 title' })).toHaveValue('Student Reporter');
});

test('images dropped on or pasted into the story upload in place', async ({ page }) => {
  await startArticle(page);
  await story(page).click();
  await page.keyboard.type('A paragraph to drop beside.');
  const jpeg = (await jpegWithGps(640, 480)).toString('base64');
  for (const kind of ['paste', 'drop'] as const) {
    await story(page).evaluate(
      (element, { kind, base64 }) => {
        const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
        const data = new DataTransfer();
        data.items.add(new File([bytes], `${kind}.jpg`, { type: 'image/jpeg' }));
        const box = element.getBoundingClientRect();
        const event =
          kind === 'paste'
            ? new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true })
            : new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true, clientX: box.left + 10, clientY: box.top + 10 });
        element.dispatchEvent(event);
      },
      { kind, base64: jpeg },
    );
  }
  await expect(story(page).locator('figure img')).toHaveCount(2, { timeout: 30_000 });
  for (const img of await story(page).locator('figure img').all()) await expect(img).toHaveJSProperty('naturalWidth', 640);
  await expectSaved(page);
});
