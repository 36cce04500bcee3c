import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { platformDb as db } from '../../lib/db.ts';
import { loopbackUpstream, READER_PAGE_POLICY, ReaderPageCache, SCHOOL_HEADER, type Upstream } from '../../lib/page-cache/index.ts';
import { SHARED_PAGE_CACHE_CONTROL, storySurrogateKey, surrogateKeysFor } from '../../lib/serving/cdn.ts';
import { updateBranding } from '../../lib/tenants/branding.ts';
import { getSchoolBySlug } from '../../lib/tenants/schools.ts';
import { seedDemo } from '../../prisma/seed.ts';
import { withPgClient } from '../../scripts/lib/database.ts';
import { seededActors } from '../factories.ts';
import { applyKeptRowsChange } from '../../lib/serving/apply-kept-rows-change.ts';
import type { KeptRowsChange } from '../../lib/serving/kept-while-listening.ts';

// The production server's page cache over real HTTP and real LISTEN/NOTIFY. The "app" behind it
// is a small server that renders each school's current newspaper name from the database, so a
// stale page would show an old name.
let people: Awaited<ReturnType<typeof seededActors>>;
let cache: ReaderPageCache;
let server: http.Server;
let upstream: Upstream;
let base: string;
const renders: string[] = [];
// The renders that have read their school from the database.
const reads: string[] = [];
let holdRender: Promise<void> | null = null;
let holdStream: Promise<void> = Promise.resolve();
const JSON_LD = '<script type="application/ld+json">{}</script>';

async function render(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
  renders.push(request.url!);
  if (request.url === '/canyon-crest/newsroom/echo') {
    let length = 0;
    for await (const chunk of request) length += (chunk as Buffer).length;
    response.writeHead(201, [
      ['Set-Cookie', 'a=1'],
      ['Set-Cookie', 'b=2'],
      ['Content-Type', 'text/plain'],
    ]);
    response.end(String(length));
    return;
  }
  if (request.url === '/canyon-crest/newsroom/fault') throw new Error('a fault the app did not answer');
  if (request.url === '/canyon-crest/newsroom/stream') {
    response.writeHead(200, { 'Content-Type': 'text/plain' });
    response.write('first ');
    await holdStream;
    response.end('last');
    return;
  }
  const slug = request.url!.split('/')[1]!.split('?')[0]!;
  const school = await db.school.findUnique({ where: { slug } });
  reads.push(request.url!);
  if (holdRender) await holdRender;
  if (request.url!.includes('/newsroom') || !school) {
    response.writeHead(school ? 200 : 404, { 'Content-Type': 'text/html' });
    response.end(`<h1>${school?.newspaperName ?? 'not found'}</h1>`);
    return;
  }
  if (request.url!.includes('cookie-setting')) response.setHeader('Set-Cookie', 'seen=1');
  response.setHeader(SCHOOL_HEADER, slug);
  response.setHeader('Content-Type', 'text/html; charset=utf-8');
  response.write('<h1>');
  response.write(`${school.newspaperName}</h1>`);
  // What Next adds for hydration, which reader pages do not need.
  response.end(
    '<script type="application/ld+json">{}</script><script src="/_next/static/chunks/main.js" async=""></script><script>self.__next_f.push([1,"x"])</script><link rel="preload" as="script" href="/_next/x.js"/>',
  );
}

async function get(path: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${base}${path}`, { headers });
  return { status: response.status, text: await response.text(), headers: response.headers };
}

const waitFor = async (condition: () => boolean | Promise<boolean>) => {
  for (let attempt = 0; attempt < 200 && !(await condition()); attempt++) await new Promise((resolve) => setTimeout(resolve, 25));
};

beforeAll(async () => {
  await seedDemo();
  people = await seededActors();
  cache = new ReaderPageCache({ databaseUrl: process.env.DATABASE_URL!, keptRows: applyKeptRowsChange });
  await cache.start();
  upstream = await loopbackUpstream(render);
  server = http.createServer((request, response) => void cache.handle(request, response, upstream));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await cache.stop();
  await upstream.close();
  await new Promise((resolve) => server.close(resolve));
});

describe('reader page cache', () => {
  it('serves a reader page from memory after the first render, with an ETag and gzip', async () => {
    renders.length = 0;
    const first = await get('/canyon-crest');
    const second = await get('/canyon-crest');
    expect(first.text).toBe(second.text);
    expect(renders).toEqual(['/canyon-crest']);
    // Plain HTML under a policy that runs no script, from the first answer on; the data stays.
    expect(first.text).toMatch(new RegExp(`^<h1>[^<]+</h1>${JSON_LD.replace(/[+]/g, '\\+')}$`));
    for (const page of [first, second]) expect(page.headers.get('content-security-policy')).toBe(READER_PAGE_POLICY);
    expect(READER_PAGE_POLICY).toContain("script-src 'none'");
    const etag = second.headers.get('etag')!;
    expect(etag).toMatch(/^"/);
    expect((await get('/canyon-crest', { 'If-None-Match': etag })).status).toBe(304);
    const raw = await new Promise<Buffer>((resolve) =>
      http.get(`${base}/canyon-crest`, { headers: { 'Accept-Encoding': 'gzip' } }, (response) => {
        expect(response.headers['content-encoding']).toBe('gzip');
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve(Buffer.concat(chunks)));
      }),
    );
    expect(gunzipSync(raw).toString()).toBe(first.text);
    expect(renders).toHaveLength(1);
  });

  it('a shared page tells a CDN how long to keep it and files it under its school and, on a story, the story', async () => {
    const story = await get('/canyon-crest/articles/robotics-w%C3%BCrde-wins');
    expect(story.headers.get('cache-control')).toBe(SHARED_PAGE_CACHE_CONTROL);
    expect(SHARED_PAGE_CACHE_CONTROL).toMatch(/^public, max-age=0, must-revalidate, s-maxage=\d+, stale-while-revalidate=\d+$/);
    expect(story.headers.get('surrogate-key')).toBe('school-canyon-crest story-canyon-crest-robotics-w%C3%BCrde-wins');
    expect(story.headers.get('cache-tag')).toBe('school-canyon-crest,story-canyon-crest-robotics-w%C3%BCrde-wins');
    // Whose page it is was for this cache alone: readers and CDNs are not told.
    expect(story.headers.get(SCHOOL_HEADER)).toBeNull();
    // The same story's key whether it is named from the address or from the database's slug.
    expect(storySurrogateKey('canyon-crest', 'robotics-würde-wins')).toBe('story-canyon-crest-robotics-w%C3%BCrde-wins');
    // On the school's own host the address has no school in it; the keys are the same.
    expect(surrogateKeysFor('canyon-crest', '/articles/robotics?ref=home')).toEqual(['school-canyon-crest', 'story-canyon-crest-robotics']);
    expect(surrogateKeysFor('canyon-crest', '/')).toEqual(['school-canyon-crest']);
    const section = await get('/canyon-crest/sections/world?page=2');
    expect(section.headers.get('surrogate-key')).toBe('school-canyon-crest');
    // What is not shared says nothing to a CDN.
    const newsroom = await get('/canyon-crest/newsroom');
    expect(newsroom.headers.get('surrogate-key')).toBeNull();
    expect(newsroom.headers.get('cache-control') ?? '').not.toContain('s-maxage');
  });

  it("a committed change to a school retires that school's pages at once, and only that school's", async () => {
    await get('/canyon-crest');
    await get('/lincoln-high');
    renders.length = 0;
    const invalidations = cache.stats.invalidations;
    expect(await updateBranding(people.adviser, { newspaperName: 'The Cached Raven', tagline: '', accentColor: '#1D4E89' })).toMatchObject({ ok: true });
    await waitFor(() => cache.stats.invalidations > invalidations);
    expect((await get('/canyon-crest')).text).toBe(`<h1>The Cached Raven</h1>${JSON_LD}`);
    await get('/lincoln-high');
    expect(renders).toEqual(['/canyon-crest']);
  });

  it('never keeps signed-in requests, newsroom pages, errors or responses that set cookies', async () => {
    renders.length = 0;
    for (let round = 0; round < 2; round++) {
      await get('/canyon-crest/staff', { Cookie: 'next-auth.session-token=abc' });
      await get('/canyon-crest/newsroom');
      await get('/no-such-school');
      await get('/canyon-crest/cookie-setting');
    }
    const paths = ['/canyon-crest/staff', '/canyon-crest/newsroom', '/no-such-school', '/canyon-crest/cookie-setting'];
    expect(renders).toEqual([...paths, ...paths]);
  });

  it('a render that began before a change is not kept after it', async () => {
    let release!: () => void;
    holdRender = new Promise((resolve) => (release = resolve));
    const slow = get('/canyon-crest/sections/news');
    await waitFor(() => renders.at(-1) === '/canyon-crest/sections/news');
    const invalidations = cache.stats.invalidations;
    await updateBranding(people.adviser, { newspaperName: 'The Racing Raven', tagline: '', accentColor: '#1D4E89' });
    await waitFor(() => cache.stats.invalidations > invalidations);
    holdRender = null;
    release();
    await slow;
    renders.length = 0;
    expect((await get('/canyon-crest/sections/news')).text).toBe(`<h1>The Racing Raven</h1>${JSON_LD}`);
    expect(renders).toEqual(['/canyon-crest/sections/news']);
  });

  it('readers asking at once for a page not yet rendered share one render', async () => {
    let release!: () => void;
    holdRender = new Promise((resolve) => (release = resolve));
    renders.length = 0;
    const misses = cache.stats.misses;
    const answers = Array.from({ length: 5 }, () => get('/lincoln-high/sections/news?shared=1'));
    // All five have missed the cache while the first render is held.
    await waitFor(() => cache.stats.misses === misses + 5);
    holdRender = null;
    release();
    const pages = await Promise.all(answers);
    expect(renders).toEqual(['/lincoln-high/sections/news?shared=1']);
    expect(pages.map((page) => page.status)).toEqual([200, 200, 200, 200, 200]);
    expect(new Set(pages.map((page) => page.text)).size).toBe(1);
    expect(cache.stats.shared).toBeGreaterThanOrEqual(4);
  });

  it('whoever waited on a render that a change overtook renders the new state instead', async () => {
    let release!: () => void;
    holdRender = new Promise((resolve) => (release = resolve));
    renders.length = 0;
    const misses = cache.stats.misses;
    const first = get('/canyon-crest/issues?overtaken=1');
    await waitFor(() => renders.length === 1);
    const waiting = get('/canyon-crest/issues?overtaken=1');
    await waitFor(() => cache.stats.misses === misses + 2);
    const invalidations = cache.stats.invalidations;
    await updateBranding(people.adviser, { newspaperName: 'The Overtaking Raven', tagline: '', accentColor: '#1D4E89' });
    await waitFor(() => cache.stats.invalidations > invalidations);
    holdRender = null;
    release();
    const [, late] = await Promise.all([first, waiting]);
    expect(late.text).toBe(`<h1>The Overtaking Raven</h1>${JSON_LD}`);
    expect(renders).toHaveLength(2);
  });

  it('while its database listener is gone it serves nothing from memory, and caches again once back', async () => {
    await get('/canyon-crest/issues');
    // Only a superuser may end another session; the app's own role may not.
    await withPgClient(process.env.DATABASE_URL!, (client) => client.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE 'LISTEN%' AND pid <> pg_backend_pid()`));
    await waitFor(() => !cache.isListening);
    renders.length = 0;
    await get('/canyon-crest/issues');
    await get('/canyon-crest/issues');
    expect(renders).toEqual(['/canyon-crest/issues', '/canyon-crest/issues']);
    // Back: the first request renders and is kept, the next is served from memory.
    await waitFor(() => cache.isListening);
    expect(cache.isListening).toBe(true);
    renders.length = 0;
    await get('/canyon-crest/issues');
    await get('/canyon-crest/issues');
    expect(renders).toEqual(['/canyon-crest/issues']);
  });

  it('keeps each school between requests while it hears changes: a change retires it, and without the listener every lookup reads the database', async () => {
    await waitFor(() => cache.isListening);
    const kept = await getSchoolBySlug('canyon-crest');
    expect(await getSchoolBySlug('canyon-crest')).toBe(kept);
    const invalidations = cache.stats.invalidations;
    const renamed = await updateBranding(people.adviser, { newspaperName: 'The Kept Raven', tagline: '', accentColor: kept!.accentColor });
    expect(renamed.ok).toBe(true);
    await waitFor(() => cache.stats.invalidations > invalidations);
    const fresh = await getSchoolBySlug('canyon-crest');
    expect(fresh).not.toBe(kept);
    expect(fresh).toMatchObject({ newspaperName: 'The Kept Raven', contentVersion: kept!.contentVersion + 1 });
    // An address nobody has is not remembered as nobody's.
    expect(await getSchoolBySlug('not-yet-a-school')).toBeNull();
    await db.school.update({ where: { slug: 'lincoln-high' }, data: { slug: 'not-yet-a-school' } });
    expect(await getSchoolBySlug('not-yet-a-school')).toMatchObject({ name: 'Lincoln High School' });
    await db.school.update({ where: { slug: 'not-yet-a-school' }, data: { slug: 'lincoln-high' } });
    // Deaf to changes, it trusts nothing it kept.
    await cache.stop();
    try {
      const first = await getSchoolBySlug('canyon-crest');
      expect(await getSchoolBySlug('canyon-crest')).not.toBe(first);
    } finally {
      await cache.start();
    }
  });

  it('keeps no page rendered while changes went unheard, once they are heard again', async () => {
    await waitFor(() => cache.isListening);
    let release!: () => void;
    holdRender = new Promise((resolve) => (release = resolve));
    await withPgClient(process.env.DATABASE_URL!, (client) => client.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE 'LISTEN%' AND pid <> pg_backend_pid()`));
    await waitFor(() => !cache.isListening);
    const during = get('/canyon-crest/staff?unheard=1');
    await waitFor(() => reads.includes('/canyon-crest/staff?unheard=1'));
    // Committed while nobody listens (the listener comes back a second after it was lost).
    await updateBranding(people.adviser, { newspaperName: 'The Unheard Raven', tagline: '', accentColor: '#1D4E89' });
    await waitFor(() => cache.isListening);
    holdRender = null;
    release();
    expect((await during).text).not.toContain('The Unheard Raven');
    expect((await get('/canyon-crest/staff?unheard=1')).text).toBe(`<h1>The Unheard Raven</h1>${JSON_LD}`);
  });

  it('passes what it does not keep to the app and back as it comes: bodies, cookies, streamed answers', async () => {
    const echoed = await fetch(`${base}/canyon-crest/newsroom/echo`, { method: 'POST', body: 'x'.repeat(200_000), headers: { 'Content-Type': 'text/plain' } });
    expect(echoed.status).toBe(201);
    expect(echoed.headers.getSetCookie()).toEqual(['a=1', 'b=2']);
    expect(await echoed.text()).toBe('200000');
    // The first part of an answer arrives while the app is still working on the rest.
    let finish!: () => void;
    holdStream = new Promise((resolve) => (finish = resolve));
    const streamed = await fetch(`${base}/canyon-crest/newsroom/stream`);
    const reader = streamed.body!.getReader();
    const decoder = new TextDecoder();
    expect(decoder.decode((await reader.read()).value)).toBe('first ');
    finish();
    let rest = '';
    for (let part = await reader.read(); !part.done; part = await reader.read()) rest += decoder.decode(part.value);
    expect(rest).toBe('last');
    // A fault the app left unanswered is answered, and the app goes on serving.
    expect((await get('/canyon-crest/newsroom/fault')).status).toBe(500);
    expect((await get('/canyon-crest/newsroom')).status).toBe(200);
  });

  it('a GET sent with a body does not spill it into the next request on the kept-alive loopback connection', async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const send = (path: string, body?: string) =>
      new Promise<number>((resolve, reject) => {
        const request = http.request(
          `${base}${path}`,
          { method: 'GET', agent, headers: body ? { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(body)) } : {} },
          (response) => {
            response.resume();
            response.on('end', () => resolve(response.statusCode ?? 0));
          },
        );
        request.on('error', reject);
        request.end(body);
      });
    const statuses = [];
    for (let round = 0; round < 4; round++)
      statuses.push(await send(`/canyon-crest/sections/news?body-round=${round}`, '{"nothing":"here"}'), await send(`/lincoln-high/sections/news?plain-round=${round}`));
    agent.destroy();
    expect(statuses).toEqual(Array(8).fill(200));
  });
});

describe('a cache whose renderer keeps rows on another thread', () => {
  it('keeps no page rendered before the renderer had applied the change to its school', async () => {
    // The renderer's own copy of each school's name, as lib/tenants/school-cache.ts keeps schools on
    // the renderer's thread; the changes the cache tells it are held until the test lets them through.
    const kept = new Map<string, string>();
    let held: (() => void)[] | null = null;
    const keptRows = (change: KeptRowsChange): Promise<void> | void => {
      const apply = () => {
        if ('school' in change) kept.delete(change.school);
        else if ('listening' in change) kept.clear();
      };
      if (!held) return apply();
      const waiting = held;
      return new Promise<void>((resolve) => waiting.push(() => (apply(), resolve())));
    };
    const app = async (request: http.IncomingMessage, response: http.ServerResponse) => {
      const slug = request.url!.split('/')[1]!;
      let name = kept.get(slug);
      if (name === undefined) kept.set(slug, (name = (await db.school.findUniqueOrThrow({ where: { slug } })).newspaperName));
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', [SCHOOL_HEADER]: slug });
      response.end(`<h1>${name}</h1>`);
    };
    const split = new ReaderPageCache({ databaseUrl: process.env.DATABASE_URL!, keptRows });
    await split.start();
    const splitUpstream = await loopbackUpstream(app);
    const splitServer = http.createServer((request, response) => void split.handle(request, response, splitUpstream));
    await new Promise<void>((resolve) => splitServer.listen(0, '127.0.0.1', resolve));
    const page = async () => (await fetch(`http://127.0.0.1:${(splitServer.address() as AddressInfo).port}/lincoln-high/staff`)).text();
    try {
      const before = await page();
      held = [];
      const invalidations = split.stats.invalidations;
      expect((await updateBranding(people.lincolnAdviser, { newspaperName: 'The Unapplied Lion', tagline: '', accentColor: '#1D4E89' })).ok).toBe(true);
      await waitFor(() => split.stats.invalidations > invalidations);
      // Not yet applied by the renderer: it renders the old name, and that page is not kept.
      expect(await page()).toBe(before);
      const waiting = held;
      held = null;
      waiting.forEach((apply) => apply());
      expect(await page()).toBe('<h1>The Unapplied Lion</h1>');
    } finally {
      await split.stop();
      await splitUpstream.close();
      await new Promise((resolve) => splitServer.close(resolve));
    }
  });
});
