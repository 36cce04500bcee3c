import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { loopbackUpstream, ReaderPageCache, type Upstream } from '../../lib/page-cache/index.ts';
import { applyKeptRowsChange } from '../../lib/serving/apply-kept-rows-change.ts';
import { frontServer, type FrontServer } from '../../lib/serving/front-server.ts';

// A deploy replaces instances one by one: told to stop, the front lets what is under way finish.
// Real HTTP through the front and the loopback proxy to an app that answers when the test says.
let cache: ReaderPageCache;
let upstream: Upstream;
let front: FrontServer;
const received: string[] = [];
const answers = new Map<string, () => void>();

async function startFront(): Promise<string> {
  cache = new ReaderPageCache({ databaseUrl: process.env.DATABASE_URL!, keptRows: applyKeptRowsChange });
  await cache.start();
  upstream = await loopbackUpstream(async (request, response) => {
    received.push(request.url!);
    await new Promise<void>((resolve) => answers.set(request.url!, resolve));
    response.writeHead(200, { 'Content-Type': 'text/plain' }).end(`answered ${request.url}`);
  });
  front = frontServer(cache, upstream);
  await new Promise<void>((resolve) => front.server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(front.server.address() as AddressInfo).port}`;
}

const waitFor = async (condition: () => boolean) => {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 10));
};

afterEach(async () => {
  await cache.stop();
  await upstream.close();
});

describe('the front, told to stop', () => {
  it('takes no new connections, and answers the requests under way before it closes', async () => {
    const base = await startFront();
    const saving = fetch(`${base}/api/save`, { method: 'POST', body: 'a long story' });
    await waitFor(() => received.includes('/api/save'));
    let closed = false;
    const closing = front.close(10_000).then(() => (closed = true));
    expect(front.server.listening).toBe(false);
    await expect(fetch(`${base}/api/health`)).rejects.toThrow();
    // Still waiting for the save, which then gets its answer.
    expect(closed).toBe(false);
    answers.get('/api/save')!();
    const saved = await saving;
    expect(saved.status).toBe(200);
    expect(await saved.text()).toBe('answered /api/save');
    await closing;
  });

  it('waits no longer than it was given for an answer that does not come', async () => {
    const base = await startFront();
    const stuck = fetch(`${base}/api/stuck`).then(
      (response) => response.status,
      () => 'connection closed',
    );
    await waitFor(() => received.includes('/api/stuck'));
    const started = Date.now();
    await front.close(300);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(await stuck).toBe('connection closed');
    answers.get('/api/stuck')!();
  });
});
