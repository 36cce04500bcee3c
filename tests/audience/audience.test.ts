// Audience numbers: requests that reach a real HTTP server are counted per page, day and referring
// domain (bots and requests without a user agent are not), written in batches, and read back by
// the newsroom — the whole paper for editors, a reporter's own stories for a reporter — and as CSV.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AudienceCounter, pageOf, referrerDomain } from '../../lib/audience/counter.ts';
import { audienceCsv, audienceOverview, storyAudience } from '../../lib/audience/numbers.ts';
import { platformDb as db } from '../../lib/db.ts';
import { buildPortfolio } from '../../lib/people/portfolio.ts';
import { publishedStory, seededActors } from '../factories.ts';

const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';
const GOOGLEBOT = 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)';

let counter: AudienceCounter;
let server: http.Server;
let origin: string;
let people: Awaited<ReturnType<typeof seededActors>>;
let story: { id: string; slug: string };
let other: { id: string; slug: string };

async function visit(path: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${origin}${path}`, { headers });
  expect(response.headers.get('set-cookie')).toBeNull();
  await response.text();
}

beforeAll(async () => {
  const { seedDemo } = await import('../../prisma/seed.ts');
  await seedDemo();
  people = await seededActors();
  story = await publishedStory(people.andrew, people.adviser, 'Robotics Heads to State', 'Third year running.', ['The team qualified.']);
  other = await publishedStory(people.jordan, people.adviser, 'Choir Sings at City Hall', 'A winter concert.', ['The choir sang.']);
  counter = new AudienceCounter({ databaseUrl: process.env.DATABASE_URL!, flushIntervalMs: 60_000 });
  // What the production server does for a reader page it serves: count it, answer it.
  server = http.createServer((request, response) => {
    counter.record(request, 'canyon-crest');
    response.writeHead(200, { 'content-type': 'text/html' }).end('<p>page</p>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await counter.stop();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('audience numbers', () => {
  it('names pages inside their school and keeps only the referring domain', () => {
    expect(pageOf('/canyon-crest/articles/robotics?utm=x', 'canyon-crest')).toBe('/articles/robotics');
    expect(pageOf('/canyon-crest', 'canyon-crest')).toBe('/');
    expect(pageOf('/articles/caf%C3%A9', 'canyon-crest')).toBe('/articles/café');
    expect(referrerDomain('https://www.instagram.com/p/abc?igsh=secret')).toBe('instagram.com');
    expect(referrerDomain('not a url')).toBe('');
    expect(referrerDomain(undefined)).toBe('');
  });

  it('N reader requests make N views; bots, agentless requests and fetches make none', async () => {
    for (let index = 0; index < 7; index++) await visit(`/canyon-crest/articles/${story.slug}`, { 'user-agent': BROWSER });
    for (let index = 0; index < 3; index++) await visit(`/canyon-crest/articles/${story.slug}`, { 'user-agent': BROWSER, referer: 'https://www.instagram.com/stories/1' });
    await visit(`/canyon-crest/articles/${story.slug}`, { 'user-agent': GOOGLEBOT });
    await visit(`/canyon-crest/articles/${story.slug}`, { 'user-agent': '' });
    // A live story's updater fetching the page again is not a reader opening it.
    await visit(`/canyon-crest/articles/${story.slug}`, { 'user-agent': BROWSER, 'sec-fetch-dest': 'empty' });
    await visit(`/canyon-crest/articles/${other.slug}`, { 'user-agent': BROWSER, 'sec-fetch-dest': 'document' });
    await visit('/canyon-crest/sections/news', { 'user-agent': BROWSER });
    await counter.flush();
    // A second batch adds to the same rows.
    await visit(`/canyon-crest/articles/${story.slug}`, { 'user-agent': BROWSER });
    await counter.flush();
    const numbers = await storyAudience(people.editor, story.id);
    expect(numbers.ok && numbers.data.total).toBe(11);
    expect(numbers.ok && numbers.data.referrers).toEqual([
      { domain: '', views: 8 },
      { domain: 'instagram.com', views: 3 },
    ]);
    expect(numbers.ok && numbers.data.days.at(-1)!.views).toBe(11);
    const rows = await db.pageViewCount.findMany({ where: { path: '/sections/news' } });
    expect(rows.map((row) => [row.views, Boolean(row.sectionId)])).toEqual([[1, true]]);
  });

  it('editors see the paper; a reporter sees their own stories; another school sees nothing', async () => {
    const paper = await audienceOverview(people.editor);
    expect(paper.scope).toBe('paper');
    expect(paper.weekViews).toBe(13);
    expect(paper.topStories.map((top) => [top.headline, top.views])).toEqual([
      ['Robotics Heads to State', 11],
      ['Choir Sings at City Hall', 1],
    ]);
    const own = await audienceOverview(people.andrew);
    expect(own.scope).toBe('own');
    expect(own.topStories.map((top) => top.headline)).toEqual(['Robotics Heads to State']);
    expect(own.weekViews).toBe(11);
    expect(await storyAudience(people.andrew, other.id)).toMatchObject({ ok: false, status: 404 });
    expect(await storyAudience(people.lincolnAdviser, story.id)).toMatchObject({ ok: false, status: 404 });
    expect((await audienceOverview(people.lincolnAdviser)).weekViews).toBe(0);
  });

  it('exports the reporter’s own rows as CSV, and the portfolio says how often a story was read', async () => {
    await visit(`/canyon-crest/articles/${story.slug}`, { 'user-agent': BROWSER });
    await counter.flush();
    const csv = await audienceCsv(people.andrew);
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe('day,page,story,section,came from,views');
    expect(lines.some((line) => line.endsWith(`/articles/${story.slug},Robotics Heads to State,,instagram.com,3`))).toBe(true);
    expect(csv).not.toContain('Choir');
    const portfolio = await buildPortfolio(people.andrew.userId, 'canyon-crest');
    expect(portfolio.ok && portfolio.data.html).toContain('read 12 times');
  });
});
