// Several app instances behind a load balancer, one database: each keeps finished reader pages in
// its own memory, so a publish through one must retire the pages the others keep. The NOTIFY that
// commits with the change does it; this runs two production servers (`npm start`, the same
// build) on one database and reads through the one that did not take the publish.
import type { ChildProcess } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { publishedStoryOverApi, signedInRequests } from './helpers';
import { SECOND_PORT, startSecondServer, stopSecondServer, waitForHealth } from './support/second-server';

const other = `http://127.0.0.1:${SECOND_PORT}`;

test('a story published through one instance is on the front page another instance serves from its cache, at once', async () => {
  test.setTimeout(120_000);
  let instance: ChildProcess | null = startSecondServer();
  try {
    await waitForHealth(`${other}/api/health`, Date.now() + 90_000);
    const front = async () => {
      const response = await fetch(`${other}/canyon-crest`);
      return { text: await response.text(), surrogateKey: response.headers.get('surrogate-key'), cacheControl: response.headers.get('cache-control') };
    };
    // Rendered once and kept by the other instance; ready for a CDN in front of it.
    const before = await front();
    expect((await front()).text).toBe(before.text);
    expect(before.surrogateKey).toBe('school-canyon-crest');
    expect(before.cacheControl).toMatch(/s-maxage=\d+, stale-while-revalidate=\d+/);

    const headline = `Two Servers Agree ${Date.now()}`;
    expect(before.text).not.toContain(headline);
    const reporter = await signedInRequests('andrew.choi@canyoncrest.example');
    const adviser = await signedInRequests('adviser@canyoncrest.example');
    const story = await publishedStoryOverApi('canyon-crest', headline, reporter, adviser);
    // The NOTIFY is sent when the publish commits, before the publish is even answered; allow the
    // other server a moment to read it, not a polling interval.
    await expect.poll(async () => (await front()).text, { timeout: 1_000, intervals: [50] }).toContain(headline);
    const page = await fetch(`${other}/canyon-crest/articles/${story.slug}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('surrogate-key')).toBe(`school-canyon-crest story-canyon-crest-${story.slug}`);
    await Promise.all([reporter.dispose(), adviser.dispose()]);
  } finally {
    if (instance) await stopSecondServer(instance, 'SIGTERM');
    instance = null;
  }
});
