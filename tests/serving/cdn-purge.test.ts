// Purging a CDN: a change readers can see queues a purge in its own transaction (none when no CDN
// is configured), and the background round posts it to the configured endpoint — here a real
// local HTTP server that records what it receives — exactly once, retrying later when the CDN
// refuses, and never twice from two instances at once.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { platformDb as db } from '../../lib/db.ts';
import { sendQueuedPurges } from '../../lib/serving/cdn-purge.ts';
import { purgeSettingsFromEnvironment, type PurgeSettings } from '../../lib/serving/cdn.ts';
import { updateBranding } from '../../lib/tenants/branding.ts';
import { seedDemo } from '../../prisma/seed.ts';
import { publishedStory, seededActors } from '../factories.ts';

interface Received {
  headers: http.IncomingHttpHeaders;
  body: { tags: string[] };
}
let people: Awaited<ReturnType<typeof seededActors>>;
let cdn: http.Server;
let settings: PurgeSettings;
const received: Received[] = [];
let answer = 200;

beforeAll(async () => {
  await seedDemo();
  people = await seededActors();
  cdn = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      received.push({ headers: request.headers, body: JSON.parse(body) as { tags: string[] } });
      response.writeHead(answer).end();
    });
  });
  await new Promise<void>((resolve) => cdn.listen(0, '127.0.0.1', resolve));
  process.env.MASTHEAD_CDN_PURGE_URL = `http://127.0.0.1:${(cdn.address() as AddressInfo).port}/purge`;
  process.env.MASTHEAD_CDN_PURGE_HEADER = 'Fastly-Key: test-token';
  settings = purgeSettingsFromEnvironment()!;
});

afterAll(async () => {
  delete process.env.MASTHEAD_CDN_PURGE_URL;
  delete process.env.MASTHEAD_CDN_PURGE_HEADER;
  await new Promise((resolve) => cdn.close(resolve));
});

beforeEach(async () => {
  received.length = 0;
  answer = 200;
  await db.cdnPurge.deleteMany();
});

/** A change every reader page shows: the school's colour. */
async function rebrand(accentColor: string) {
  const changed = await updateBranding(people.adviser, { newspaperName: 'The Raven Report', tagline: '', accentColor });
  expect(changed.ok).toBe(true);
}

describe('CDN purges', () => {
  it('a publish queues one purge of the school and the story, sent once with the configured credential', async () => {
    const story = await publishedStory(people.andrew, people.adviser, 'Robotics Team Wins State', 'A first title.', ['The team won.']);
    expect(await db.cdnPurge.count()).toBe(1);
    expect(await sendQueuedPurges(settings)).toEqual({ sent: 1, failed: 0 });
    expect(received).toHaveLength(1);
    const keys = ['school-canyon-crest', `story-canyon-crest-${story.slug}`];
    expect(received[0]!.body.tags).toEqual(keys);
    expect(received[0]!.headers['surrogate-key']).toBe(keys.join(' '));
    expect(received[0]!.headers['fastly-key']).toBe('test-token');
    // Sent, so gone: the next round sends nothing.
    expect(await db.cdnPurge.count()).toBe(0);
    expect(await sendQueuedPurges(settings)).toEqual({ sent: 0, failed: 0 });
    expect(received).toHaveLength(1);
  });

  it('changes that are not one story purge the school; several waiting purges go out as one request', async () => {
    await rebrand('#1d4ed8');
    await rebrand('#0f766e');
    const lincoln = (await db.school.findUniqueOrThrow({ where: { slug: 'lincoln-high' } })).id;
    await db.cdnPurge.create({ data: { schoolId: lincoln, keys: ['school-lincoln-high'] } });
    expect(await sendQueuedPurges(settings)).toEqual({ sent: 3, failed: 0 });
    expect(received).toHaveLength(1);
    expect(received[0]!.body.tags).toEqual(['school-canyon-crest', 'school-lincoln-high']);
  });

  it('a refused purge is kept and retried later, not at once; nothing is lost', async () => {
    await rebrand('#1d4ed8');
    answer = 503;
    expect(await sendQueuedPurges(settings)).toEqual({ sent: 0, failed: 1 });
    const kept = await db.cdnPurge.findFirstOrThrow();
    expect(kept).toMatchObject({ attempts: 1, lastError: 'the CDN answered 503' });
    expect(kept.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());
    // Not due yet: the next round leaves it alone.
    expect(await sendQueuedPurges(settings)).toEqual({ sent: 0, failed: 0 });
    expect(received).toHaveLength(1);
    // Its time comes (moved here rather than waited for), the CDN is back: sent, and gone.
    await db.cdnPurge.updateMany({ data: { nextAttemptAt: new Date(Date.now() - 1000) } });
    answer = 200;
    expect(await sendQueuedPurges(settings)).toEqual({ sent: 1, failed: 0 });
    expect(await db.cdnPurge.count()).toBe(0);
  });

  it('an unreachable CDN is a failure with its reason, not an error', async () => {
    await rebrand('#1d4ed8');
    expect(await sendQueuedPurges({ url: 'http://127.0.0.1:9/purge' })).toEqual({ sent: 0, failed: 1 });
    expect((await db.cdnPurge.findFirstOrThrow()).lastError).toMatch(/^the CDN could not be reached/);
  });

  it('two instances sending at once send each purge once', async () => {
    for (const color of ['#1d4ed8', '#0f766e', '#b91c1c', '#7e22ce']) await rebrand(color);
    const rounds = await Promise.all([sendQueuedPurges(settings, 2), sendQueuedPurges(settings, 2), sendQueuedPurges(settings, 2)]);
    const sent = rounds.reduce((sum, round) => sum + round.sent, 0);
    expect(sent + (await sendQueuedPurges(settings)).sent).toBe(4);
    expect(await db.cdnPurge.count()).toBe(0);
  });

  it('without a CDN nothing is queued; a malformed setting is refused in words', async () => {
    const url = process.env.MASTHEAD_CDN_PURGE_URL;
    delete process.env.MASTHEAD_CDN_PURGE_URL;
    try {
      await rebrand('#1d4ed8');
      expect(await db.cdnPurge.count()).toBe(0);
    } finally {
      process.env.MASTHEAD_CDN_PURGE_URL = url;
    }
    expect(() => purgeSettingsFromEnvironment({ MASTHEAD_CDN_PURGE_URL: 'ftp://cdn.example/purge' })).toThrow(/must be an http:\/\/ or https:\/\/ address/);
    expect(() => purgeSettingsFromEnvironment({ MASTHEAD_CDN_PURGE_URL: 'https://cdn.example/purge', MASTHEAD_CDN_PURGE_HEADER: 'no colon here' })).toThrow(/Name: value/);
    expect(purgeSettingsFromEnvironment({})).toBeNull();
  });

  it('purges are kept per school: a school sees only its own', async () => {
    await rebrand('#1d4ed8');
    const lincoln = (await db.school.findUniqueOrThrow({ where: { slug: 'lincoln-high' } })).id;
    const { dbFor } = await import('../../lib/db.ts');
    expect(await dbFor(lincoln).cdnPurge.count()).toBe(0);
    expect(await db.cdnPurge.count()).toBe(1);
  });
});
