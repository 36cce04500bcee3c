// A reader asks, from the link under a story and with JavaScript off, to have a name taken out; they
// confirm from the mailed link; an editor notes and decides an anonymization in the newsroom; then
// no reader response at all — the story, the old address, front page, search and its snippets, both
// feeds, the sitemap, the JSON-LD, pages cached before — carries the name, while the case keeps
// what was changed and the requester is mailed the outcome.
import { expect, request as playwrightRequest, test } from '@playwright/test';
import { baseURL } from '../playwright.config';
import { mailTo, signIn, signedInRequests, submitApprovePublish } from './helpers';

const school = 'canyon-crest';
const NAME = /zephyr/i;

test('a request from the public form to an anonymization: the name is in no reader response afterwards, and the case keeps what changed', async ({ page, browser }) => {
  test.setTimeout(150_000);
  // A story that names a student, published through the workflow.
  const reporter = await signedInRequests('andrew.choi@canyoncrest.example');
  const adviser = await signedInRequests('adviser@canyoncrest.example');
  const headline = 'Quinn Zephyr Leads Robotics Comeback';
  const created = await reporter.post(`/api/schools/${school}/articles`, { data: { headline } });
  const { id, version } = (await created.json()) as { id: string; version: number };
  const words = Array.from({ length: 200 }, (_, index) => ['robots', 'gym', 'final', 'team'][index % 4]).join(' ');
  const saved = await reporter.put(`/api/schools/${school}/articles/${id}`, {
    data: {
      expectedVersion: version,
      headline,
      deck: 'Zephyr rebuilt the arm overnight.',
      sectionId: null,
      tags: [],
      body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: `Quinn Zephyr stayed until midnight. Coach Diaz praised Zephyr. ${words}` }] }] },
      bylines: [
        { membershipId: null, guestName: 'Andrew Choi', title: 'Student Reporter' },
        { membershipId: null, guestName: 'Quinn Zephyr', title: 'Photographer' },
      ],
    },
  });
  expect(saved.status(), await saved.text()).toBe(200);
  await submitApprovePublish(school, id, ((await saved.json()) as { version: number }).version, reporter, adviser);
  const oldPath = `/${school}/articles/quinn-zephyr-leads-robotics-comeback`;
  const reader = await playwrightRequest.newContext({ baseURL });
  // Readers have seen it: the page cache holds these pages now.
  for (const path of [oldPath, `/${school}`]) expect(await (await reader.get(path)).text()).toMatch(NAME);

  // The reader asks, with JavaScript off.
  const requester = await (await browser.newContext({ baseURL, javaScriptEnabled: false })).newPage();
  await requester.goto(oldPath);
  await requester.getByRole('link', { name: 'Request a correction or removal' }).click();
  await expect(requester.getByLabel('The story (its address or its last part)')).toHaveValue('quinn-zephyr-leads-robotics-comeback');
  await requester.getByLabel('What are you asking for?').selectOption({ label: 'Remove a person’s name from the story' });
  await requester.getByLabel('Your name').fill('Quinn Zephyr');
  const email = `quinn.${Date.now()}@family.example`;
  await requester.getByLabel('Your e-mail address').fill(email);
  await requester.getByLabel('What is wrong, and why').fill('I was a minor when this ran and my name follows me into college applications.');
  await requester.getByRole('button', { name: 'Send the request' }).click();
  await expect(requester.getByText(`Almost done: we sent a link to ${email}`)).toBeVisible();
  const confirmation = await mailTo(email, 'Confirm your request');
  await requester.goto(/https?:\/\/\S+/.exec(confirmation.text)![0]);
  await requester.getByRole('button', { name: 'Confirm my request' }).click();
  await expect(requester.getByText(/^Thank you: the editors have your request/)).toBeVisible();

  // An editor finds it in the newsroom, notes, and decides.
  await signIn(page, 'editor@canyoncrest.example');
  await page.goto(`/${school}/newsroom/requests`);
  await page.getByRole('link', { name: headline }).click();
  await expect(page.getByText('I was a minor when this ran')).toBeVisible();
  await page.getByLabel('Add a note').fill('Minor at the time; the news is the comeback, not the name.');
  await page.getByRole('button', { name: 'Add the note' }).click();
  await expect(page.getByText('Note added.')).toBeVisible();
  const decision = page.getByRole('form', { name: 'Decision' });
  await decision.getByLabel('Decision').selectOption({ label: 'A name was replaced' });
  await decision.getByLabel('Name to replace (every form the stories use, separated by commas)').fill('Quinn Zephyr, Zephyr');
  await decision.getByLabel('Description readers see instead').fill('a senior');
  await decision.getByLabel('Reason for the requester (mailed to them)').fill('You were a minor; the story now describes you without your name.');
  await decision.getByRole('button', { name: 'Decide' }).click();
  // The case shows the decision in place of the form.
  await expect(page.getByText(/^A name was replaced, by Maya Patel on /)).toBeVisible();

  // No reader response carries the name: the story at its new address (with its JSON-LD), the old
  // address, the front page cached before, search and its snippets, both feeds, the sitemap.
  const newPath = `/${school}/articles/a-senior-leads-robotics-comeback`;
  const story = await reader.get(newPath);
  expect(story.status()).toBe(200);
  const storyHtml = await story.text();
  expect(storyHtml).toContain('a senior stayed until midnight. Coach Diaz praised a senior.');
  expect(storyHtml).toContain('application/ld+json');
  expect((await reader.get(oldPath, { maxRedirects: 0 })).status()).toBe(404);
  for (const path of [newPath, `/${school}`, `/${school}/search?q=robotics+comeback`, `/${school}/feed.xml`, `/${school}/atom.xml`, `/${school}/sitemap.xml`, `/${school}/staff`]) {
    const response = await reader.get(path);
    expect(response.status(), path).toBe(200);
    expect(await response.text(), path).not.toMatch(NAME);
  }
  expect(await (await reader.get(`/${school}/search?q=robotics+comeback`)).text()).toContain('a-senior-leads-robotics-comeback');
  // Searching for the name finds nothing (the page repeats only what the reader typed).
  expect(await (await reader.get(`/${school}/search?q=Zephyr`)).text()).toContain('No results for “Zephyr”');

  // The record keeps what was changed; the requester hears the outcome.
  await page.reload();
  await page.getByText('What it changed').click();
  await expect(page.locator('pre')).toContainText('"Quinn Zephyr"');
  await expect(page.getByText('Minor at the time; the news is the comeback, not the name.')).toBeVisible();
  const outcome = await mailTo(email, 'your request about');
  expect(outcome.text).toContain('You were a minor; the story now describes you without your name.');
});
