// The production server renders reader pages itself, without Next's page pipeline
// (server/direct-render.tsx). Its answer must be Next's: this starts a second server on the same
// build and database with MASTHEAD_DIRECT_RENDER=off, asks both for every kind of reader page and
// compares status, headers and document. The server under test must also have rendered the pages
// itself: Next's HTML carries React's Suspense markers (<!--$-->) from its own boundaries, a direct
// render has none.
import type { ChildProcess } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { withoutScripts } from '../lib/page-cache';
import { baseURL } from '../playwright.config';
import { photoJpeg } from './images';
import { publishedStoryOverApi, signedInRequests, submitApprovePublish } from './helpers';
import { SECOND_PORT, startSecondServer, stopSecondServer, waitForHealth } from './support/second-server';

const nextOnly = `http://127.0.0.1:${SECOND_PORT}`;
const COMPARED_HEADERS = [
  'content-type',
  'content-security-policy',
  'cache-control',
  'surrogate-key',
  'cache-tag',
  'x-frame-options',
  'x-content-type-options',
  'referrer-policy',
  'strict-transport-security',
  'permissions-policy',
  'location',
];
// Not compared: Link, the stylesheet's preload. Next sends it only when React reports it before its
// render finishes, which depends on how the page's data arrives; a direct render always sends it.

interface Answer {
  status: number;
  headers: Record<string, string | null>;
  html: string;
}

async function answerOf(origin: string, path: string): Promise<Answer> {
  const response = await fetch(`${origin}${path}`, { redirect: 'manual' });
  const headers = Object.fromEntries(
    COMPARED_HEADERS.map((name) => [
      name,
      response.headers
        .get(name)
        ?.replace(/; nonce="[^"]*"/g, '')
        .replace(origin, 'ORIGIN') ?? null,
    ]),
  );
  return { status: response.status, headers, html: await response.text() };
}

/** The document without what only Next's pipeline adds: its Suspense markers and the script nonce on
 * the stylesheet (a kept page carries no scripts, so the nonce is left over from Next's render). A
 * page not kept (a 404) has a nonce of its own in its policy and scripts. */
function comparable(answer: Answer, origin: string): Answer {
  const nonce = /'nonce-([^']+)'/.exec(answer.headers['content-security-policy'] ?? '')?.[1];
  const withoutNonce = (text: string) => (nonce ? text.replaceAll(nonce, 'NONCE') : text);
  const headers = { ...answer.headers, 'content-security-policy': withoutNonce(answer.headers['content-security-policy'] ?? '') };
  // A page Next sends itself (a 404) carries its scripts: their flight rows come in the order the
  // data arrived, which differs between two servers. What the page shows and says is compared.
  const html = withoutScripts(withoutNonce(answer.html))
    .replaceAll('<div hidden=""><!--$--><!--/$--></div>', '')
    .replaceAll('<!--$-->', '')
    .replaceAll('<!--/$-->', '')
    .replace(/ nonce="[^"]*"/g, '')
    .replaceAll(origin, 'ORIGIN')
    // Attributes in one order: Next writes an image's preload from React's hint (href before as),
    // a direct render from the <img> itself (as before href). React quotes every value and escapes
    // "<" in text, so a start tag is found whole.
    .replace(/<([a-zA-Z][\w-]*)((?:\s+[^\s=>/]+(?:="[^"]*")?)*)\s*(\/?)>/g, (_tag, name: string, attributes: string, selfClosing: string) => {
      const sorted = (attributes.match(/[^\s=>/]+(?:="[^"]*")?/g) ?? []).sort();
      return `<${[name, ...sorted].join(' ')}${selfClosing}>`;
    });
  return { ...answer, headers, html };
}

test('every kind of reader page the production server renders itself is the page Next renders', async () => {
  test.setTimeout(180_000);
  const run = Date.now().toString(36);
  const reporter = await signedInRequests('andrew.choi@canyoncrest.example');
  const adviser = await signedInRequests('adviser@canyoncrest.example');
  // A story of this test's own, with what a headline and a deck may hold that HTML must escape, and
  // one with a photo (its link previews show it large).
  const plain = await publishedStoryOverApi('canyon-crest', `Quotes & <Brackets> "Compared" ${run}`, reporter, adviser);
  const upload = await reporter.post('/api/schools/canyon-crest/media', { multipart: { file: { name: 'court.jpg', mimeType: 'image/jpeg', buffer: await photoJpeg(1200, 800) } } });
  expect(upload.status(), await upload.text()).toBe(201);
  const { id: mediaId } = (await upload.json()) as { id: string };
  const words = Array.from({ length: 200 }, (_, index) => ['court', 'season', 'coach', 'game', 'crowd'][index % 5]).join(' ');
  const created = await reporter.post('/api/schools/canyon-crest/articles', {
    data: {
      headline: `Photo Story Compared ${run}`,
      deck: 'The deck’s “quotes” & <angles>.',
      body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: words }] }] },
      featuredImage: { mediaId, alt: 'A full gym & a loud crowd', caption: 'The final.', credit: 'Andrew Choi', focalX: 0.5, focalY: 0.5 },
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const photoStory = (await created.json()) as { id: string; version: number };
  await submitApprovePublish('canyon-crest', photoStory.id, photoStory.version, reporter, adviser);
  // A logo in the masthead: React preloads it from the head, by another path in each rendering.
  const logo = await adviser.post('/api/schools/canyon-crest/logo', { multipart: { file: { name: 'logo.jpg', mimeType: 'image/jpeg', buffer: await photoJpeg(1000, 300) } } });
  expect(logo.status(), await logo.text()).toBe(200);
  await Promise.all([reporter.dispose(), adviser.dispose()]);

  const front = await (await fetch(`${baseURL}/canyon-crest`)).text();
  const firstLink = (pattern: RegExp, html = front) => pattern.exec(html)?.[1];
  const section = firstLink(/href="\/canyon-crest\/sections\/([^"/?]+)"/)!;
  const staffPage = await (await fetch(`${baseURL}/canyon-crest/staff`)).text();
  const member = firstLink(/href="\/canyon-crest\/staff\/([^"/?]+)"/, staffPage)!;
  const sportsPage = await (await fetch(`${baseURL}/canyon-crest/sports`)).text();
  const team = firstLink(/href="\/canyon-crest\/sports\/([^"/?]+)"/, sportsPage);
  const photoSlug = `photo-story-compared-${run}`;

  const rendered = [
    `/canyon-crest?compare=${run}`,
    `/canyon-crest/articles/${plain.slug}`,
    `/canyon-crest/articles/${photoSlug}`,
    '/canyon-crest/articles/north-korea-troops-russia-ukraine',
    `/canyon-crest/sections/${section}`,
    `/canyon-crest/sections/${section}?page=2`,
    '/canyon-crest/issues',
    '/canyon-crest/issues/1/1',
    '/canyon-crest/staff',
    `/canyon-crest/staff/${member}`,
    `/canyon-crest/search?q=${encodeURIComponent(`Compared ${run}`)}`,
    `/canyon-crest/search?q=${encodeURIComponent('<b>&"')}&q=twice`,
    '/canyon-crest/corrections',
    '/canyon-crest/corrections/policy',
    '/canyon-crest/sports',
    ...(team ? [`/canyon-crest/sports/${team}`] : []),
  ];
  // Left to Next by the server under test: a page that is not found, an address the proxy answers
  // first (an old WordPress address, a trailing slash), and a page no school has.
  const leftToNext = [
    `/canyon-crest/articles/no-such-story-${run}`,
    `/canyon-crest/sections/no-such-section-${run}`,
    '/canyon-crest?p=12345',
    `/canyon-crest/articles/${plain.slug}/`,
    `/no-such-school-${run}`,
  ];

  let instance: ChildProcess | null = startSecondServer({ MASTHEAD_DIRECT_RENDER: 'off' });
  try {
    await waitForHealth(`${nextOnly}/api/health`, Date.now() + 90_000);
    for (const path of [...rendered, ...leftToNext]) {
      const [direct, next] = await Promise.all([answerOf(baseURL, path), answerOf(nextOnly, path)]);
      expect(comparable(direct, baseURL), path).toEqual(comparable(next, nextOnly));
      if (rendered.includes(path)) {
        expect(direct.status, path).toBe(200);
        expect(next.html, `${path}: Next's own rendering`).toContain('<!--$-->');
        expect(direct.html, `${path}: rendered without Next`).not.toContain('<!--$-->');
      }
    }
    // The photo story's head, as link previews read it, came out of the direct render.
    const photoPage = await answerOf(baseURL, `/canyon-crest/articles/${photoSlug}`);
    expect(photoPage.html).toMatch(
      /<meta property="og:image" content="[^"]+-full\.jpg"\/><meta property="og:image:width" content="1200"\/><meta property="og:image:height" content="800"\/><meta property="og:image:alt" content="A full gym &amp; a loud crowd"\/>/,
    );
    expect(photoPage.html).toContain('<meta name="twitter:card" content="summary_large_image"/>');
    expect(photoPage.html).toMatch(/<head>.*<link rel="preload" as="image" href="[^"]+-480\.jpg"\/>.*<\/head>.*data-testid="school-logo"/);
  } finally {
    if (instance) await stopSecondServer(instance, 'SIGTERM');
    instance = null;
  }
});
