import { expect, test, type Page } from '@playwright/test';
import { baseURL } from '../playwright.config';
import { signIn, signedInRequests, submitApprovePublish } from './helpers';
import { jpegWithGps } from './images';
import { HOSTILE_HREFS, XSS_PAYLOADS } from './xss-payloads';

// The XSS corpus through every way text gets in — the editor's JSON, paste, import, profile fields,
// comments and file names — then every page that shows it, for readers and in the newsroom, in
// Chromium, listening for dialogs and looking for live handlers, scripts and javascript: links.
const school = 'canyon-crest';

const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const filler = Array.from({ length: 170 }, (_, index) => ['students', 'council', 'budget', 'library', 'parking'][index % 5]).join(' ');

/** Watches a page for any sign that injected script ran or could run. */
function watch(page: Page, fired: string[]) {
  page.on('dialog', (dialog) => {
    fired.push(`${page.url()}: ${dialog.type()} "${dialog.message()}"`);
    void dialog.dismiss();
  });
}

async function liveInjections(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const element of Array.from(document.querySelectorAll('*'))) {
      for (const attribute of Array.from(element.attributes)) {
        if (/^on/i.test(attribute.name)) found.push(`${element.tagName} ${attribute.name}`);
        // React itself sets this inert action on forms it submits by script, so that a native
        // submission fails loudly instead of posting the form somewhere; it holds no payload.
        const reactFormGuard = attribute.name === 'action' && attribute.value.startsWith("javascript:throw new Error('A React form was unexpectedly submitted.");
        if (!reactFormGuard && /^(href|src|action|formaction|data|srcdoc)$/i.test(attribute.name) && /^\s*(javascript|vbscript|data:text\/html)/i.test(attribute.value))
          found.push(`${element.tagName} ${attribute.name}=${attribute.value}`);
      }
      // Next's own inline scripts carry the page's data (payloads included) as JSON strings inside
      // self.__next_f.push(…); JSON-LD is data too. Any other script holding the payload is one.
      const code = element.textContent ?? '';
      if (element.tagName === 'SCRIPT' && /xss/.test(code) && (element as HTMLScriptElement).type !== 'application/ld+json' && !/^\s*\(?self\.__next_f/.test(code))
        found.push(`script: ${code.slice(0, 80)}`);
      if (/^(IFRAME|OBJECT|EMBED|BASE|META)$/.test(element.tagName) && element.closest('main, article')) found.push(`${element.tagName} inside the page's content`);
    }
    return found;
  });
}

test('the XSS corpus, through every input, runs nowhere', async ({ browser }) => {
  test.setTimeout(600_000);
  expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(100);
  const reporter = await signedInRequests('jordan.reyes@canyoncrest.example');
  const editor = await signedInRequests('editor@canyoncrest.example');
  const adviser = await signedInRequests('adviser@canyoncrest.example');

  // 1. The editor's JSON, straight to the API: headline, deck, every payload as text, a guest byline.
  const created = await reporter.post(`/api/schools/${school}/articles`, { data: { headline: 'Corpus' } });
  const { id, version } = (await created.json()) as { id: string; version: number };
  const article = {
    headline: `<img src=x onerror=alert('xss')> Corpus`,
    deck: `"><script>alert('xss')</script>`,
    sectionId: null,
    tags: ['<svg onload=alert(1)>'],
    body: {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: XSS_PAYLOADS[0]! }] },
        ...XSS_PAYLOADS.map(paragraph),
        paragraph(filler),
        { type: 'blockquote', content: [paragraph(XSS_PAYLOADS[1]!)] },
      ],
    },
    bylines: [{ guestName: `<svg onload=alert('xss')>`, title: 'Guest Writer' }],
  };
  const saved = await reporter.put(`/api/schools/${school}/articles/${id}`, { data: { ...article, expectedVersion: version } });
  expect(saved.status(), await saved.text()).toBe(200);
  let current = ((await saved.json()) as { version: number }).version;
  // A link to a hostile address is refused outright, whatever its spelling.
  for (const href of HOSTILE_HREFS) {
    const withLink = { ...article, body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'a link', marks: [{ type: 'link', attrs: { href } }] }] }] } };
    const refused = await reporter.put(`/api/schools/${school}/articles/${id}`, { data: { ...withLink, expectedVersion: current } });
    expect(refused.status(), `link to ${href}`).toBe(422);
  }
  // 2. Comments, as the editor reviews.
  for (const payload of XSS_PAYLOADS.slice(0, 12)) {
    const comment = await editor.post(`/api/schools/${school}/articles/${id}/comments`, { data: { body: payload, expectedVersion: current } });
    expect(comment.status()).toBe(201);
  }
  current = ((await (await reporter.get(`/api/schools/${school}/articles/${id}/state`)).json()) as { version: number }).version;
  current = await submitApprovePublish(school, id, current, reporter, adviser);
  const slug = /href="\/canyon-crest\/articles\/([^"]*corpus[^"]*)"/.exec(await (await adviser.get(`/${school}`)).text())?.[1];
  expect(slug).toBeTruthy();

  // 3. An import whose file name and lines are payloads.
  const imported = await reporter.post(`/api/schools/${school}/articles/import`, {
    multipart: { file: { name: `<img src=x onerror=alert('xss')>.txt`, mimeType: 'text/plain', buffer: Buffer.from(`Imported Corpus\n\n${XSS_PAYLOADS.join('\n\n')}`) } },
  });
  expect(imported.status(), await imported.text()).toBe(201);
  const importedId = ((await imported.json()) as { id: string }).id;
  // 4. A file name on an upload.
  const upload = await reporter.post(`/api/schools/${school}/media`, {
    multipart: { file: { name: `"><svg onload=alert('xss')>.jpg`, mimeType: 'image/jpeg', buffer: await jpegWithGps(200, 150) }, alt: `<img src=x onerror=alert('xss')>` },
  });
  expect(upload.status()).toBe(201);

  const fired: string[] = [];
  const found: string[] = [];
  let views = 0;
  const visit = async (page: Page, path: string) => {
    // The development server's first compile of a route can reload open pages and abort a navigation.
    const response = await page.goto(path).catch(() => page.goto(path));
    expect(response?.status(), path).toBe(200);
    await page.waitForLoadState('load');
    await page.waitForTimeout(300);
    views++;
    for (const injection of await liveInjections(page)) found.push(`${path}: ${injection}`);
  };

  // 5. Paste into the editor, and the profile form, in the browser.
  const newsroom = await (await browser.newContext({ baseURL })).newPage();
  watch(newsroom, fired);
  await signIn(newsroom, 'jordan.reyes@canyoncrest.example');
  const pasteTarget = await reporter.post(`/api/schools/${school}/articles`, { data: { headline: 'Pasted corpus' } });
  const pasteId = ((await pasteTarget.json()) as { id: string }).id;
  await visit(newsroom, `/${school}/newsroom/articles/${pasteId}`);
  const story = newsroom.getByRole('textbox', { name: 'Story' });
  await story.click();
  await story.evaluate(
    (element, html) => {
      const data = new DataTransfer();
      data.setData('text/html', html);
      data.setData('text/plain', 'pasted');
      element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    },
    XSS_PAYLOADS.map((payload) => `<p>${payload}</p>`).join('') + XSS_PAYLOADS.join(''),
  );
  await expect(newsroom.locator('[data-save-state]')).toHaveAttribute('data-save-state', 'saved', { timeout: 30_000 });
  await visit(newsroom, `/${school}/newsroom/profile`);
  await expect(newsroom.getByRole('button', { name: 'Save profile' })).toBeEnabled();
  await newsroom.getByLabel('One-line bio').fill(`<img src=x onerror=alert('xss')> writes about "><script>alert('xss')</script>`);
  await newsroom.getByRole('button', { name: 'Save profile' }).click();
  await expect(newsroom.getByText('Profile saved.')).toBeVisible();

  // Every page that shows any of it.
  await visit(newsroom, `/${school}/newsroom/articles/${pasteId}`);
  await visit(newsroom, `/${school}/newsroom/articles/${importedId}`);
  await visit(newsroom, `/${school}/newsroom/articles/${id}`);
  await visit(newsroom, `/${school}/newsroom/articles/${id}/revisions`);
  await visit(newsroom, `/${school}/newsroom`);
  const review = await (await browser.newContext({ baseURL })).newPage();
  watch(review, fired);
  await signIn(review, 'adviser@canyoncrest.example');
  await visit(review, `/${school}/newsroom/articles/${id}`);
  await visit(review, `/${school}/newsroom/inbox`);
  await visit(review, `/${school}/newsroom/members`);
  const reader = await (await browser.newContext({ baseURL })).newPage();
  watch(reader, fired);
  for (const path of [
    `/${school}`,
    `/${school}/articles/${slug}`,
    `/${school}/sections/news`,
    `/${school}/staff`,
    `/${school}/staff/jordan-reyes`,
    `/${school}/search?q=${encodeURIComponent("alert('xss')")}`,
    `/${school}/search?q=${encodeURIComponent(XSS_PAYLOADS[0]!)}`,
  ]) {
    await visit(reader, path);
  }
  // The payloads are on the pages as text: escaped, not dropped.
  await reader.goto(`/${school}/articles/${slug}`);
  await expect(reader.getByText(XSS_PAYLOADS[0]!, { exact: true }).first()).toBeVisible();

  console.log(
    `XSS corpus: ${XSS_PAYLOADS.length} payloads and ${HOSTILE_HREFS.length} hostile links through the editor's JSON, paste, import, profile, comments and file names; ${views} page views; ${fired.length} dialogs`,
  );
  expect(found).toEqual([]);
  expect(fired).toEqual([]);
});
