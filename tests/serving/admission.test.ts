// Admission control over real HTTP: the production server's page cache in front of an app whose
// renders are held open, so the lanes fill exactly as they do under overload.
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loopbackUpstream, ReaderPageCache, SCHOOL_HEADER } from '../../lib/page-cache/index.ts';
import { AdmissionLane, gatedUpstream, laneFor, type LaneLimits } from '../../lib/serving/admission.ts';
import { applyKeptRowsChange } from '../../lib/serving/apply-kept-rows-change.ts';

describe('an admission lane', () => {
  it('runs its slots, queues up to its limit, refuses the next at once, and hands a freed slot to the longest waiter', async () => {
    const lane = new AdmissionLane({ concurrency: 2, maxQueue: 2, maxWaitMs: 5_000 });
    const first = await lane.admit();
    const second = await lane.admit();
    expect([first.admitted, second.admitted]).toEqual([true, true]);
    const order: string[] = [];
    const third = lane.admit().then((admission) => (order.push('third'), admission));
    const fourth = lane.admit().then((admission) => (order.push('fourth'), admission));
    expect(await lane.admit()).toEqual({ admitted: false, reason: 'queue full' });
    expect(lane.waiting).toBe(2);
    if (first.admitted) first.release();
    if (first.admitted) first.release(); // a second release of one slot frees nothing more
    expect((await third).admitted).toBe(true);
    expect(lane.inFlight).toBe(2);
    if (second.admitted) second.release();
    expect((await fourth).admitted).toBe(true);
    expect(order).toEqual(['third', 'fourth']);
  });

  it('refuses a waiter whose wait ran out, and it no longer holds a place in the queue', async () => {
    const lane = new AdmissionLane({ concurrency: 1, maxQueue: 1, maxWaitMs: 50 });
    const held = await lane.admit();
    const startedAt = Date.now();
    expect(await lane.admit()).toEqual({ admitted: false, reason: 'waited too long' });
    expect(Date.now() - startedAt).toBeLessThan(1_000);
    expect(lane.waiting).toBe(0);
    if (held.admitted) held.release();
    expect((await lane.admit()).admitted).toBe(true);
  });

  it('refuses at once a newcomer who could not start within the wait, judged from how long its slots have lately been held', async () => {
    const lane = new AdmissionLane({ concurrency: 1, maxQueue: 100, maxWaitMs: 1_000 });
    // Never measured yet: up to the queue's length may wait.
    const trained = await lane.admit();
    await new Promise((resolve) => setTimeout(resolve, 100));
    if (trained.admitted) trained.release();
    // Slots are held 100 ms or more: behind one held slot, about ten can start within a second.
    const held = await lane.admit();
    const waiting = Array.from({ length: 30 }, () => lane.admit());
    const settled = await Promise.race([Promise.all(waiting.slice(10)), new Promise((resolve) => setTimeout(resolve, 500, 'still waiting'))]);
    expect(settled).not.toBe('still waiting');
    expect(lane.waiting).toBeGreaterThanOrEqual(1);
    expect(lane.waiting).toBeLessThanOrEqual(10);
    expect(await waiting.at(-1)).toEqual({ admitted: false, reason: 'would wait too long' });
    if (held.admitted) held.release();
  });

  it('sorts requests: anonymous page reads are readers; signed-in requests, API calls and writes are newsroom work; static files never queue', () => {
    const request = (method: string, url: string, cookie?: string) => ({ method, url, headers: cookie ? { cookie } : {} }) as http.IncomingMessage;
    expect(laneFor(request('GET', '/canyon-crest/articles/x'))).toBe('reader');
    expect(laneFor(request('GET', '/canyon-crest/search?q=a'))).toBe('reader');
    expect(laneFor(request('GET', '/canyon-crest/newsroom', 'next-auth.session-token=abc'))).toBe('newsroom');
    expect(laneFor(request('GET', '/canyon-crest', '__Secure-next-auth.session-token=abc'))).toBe('newsroom');
    expect(laneFor(request('PUT', '/api/schools/canyon-crest/articles/x'))).toBe('newsroom');
    expect(laneFor(request('POST', '/signin'))).toBe('newsroom');
    expect(laneFor(request('GET', '/_next/static/chunks/a.js'))).toBeNull();
    expect(laneFor(request('GET', '/api/health'))).toBeNull();
  });
});

describe('the production server under more requests than it can render', () => {
  const limits: Record<'reader' | 'newsroom', LaneLimits> = { reader: { concurrency: 2, maxQueue: 2, maxWaitMs: 1_500 }, newsroom: { concurrency: 1, maxQueue: 10, maxWaitMs: 5_000 } };
  let releaseRenders: () => void = () => {};
  let rendersHeld = new Promise<void>((resolve) => (releaseRenders = resolve));
  let server: http.Server;
  let cache: ReaderPageCache;
  let base: string;

  beforeAll(async () => {
    const app = async (request: http.IncomingMessage, response: http.ServerResponse) => {
      if (request.url === '/api/abandoned') {
        // As Next's handler can: it answers in part, its client goes away, and it never settles.
        response.writeHead(200, { 'Content-Type': 'text/plain' });
        response.write('part of an answer');
        return new Promise<void>(() => {});
      }
      if (!request.url!.startsWith('/api/')) await rendersHeld;
      if (!request.url!.startsWith('/api/')) response.setHeader(SCHOOL_HEADER, 'canyon-crest');
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(`<p>${request.url}</p>`);
    };
    cache = new ReaderPageCache({ databaseUrl: process.env.DATABASE_URL!, keptRows: applyKeptRowsChange });
    await cache.start();
    const lanes = { reader: new AdmissionLane(limits.reader), newsroom: new AdmissionLane(limits.newsroom) };
    const upstream = gatedUpstream(await loopbackUpstream(app), lanes);
    server = http.createServer((request, response) => void cache.handle(request, response, upstream));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    releaseRenders();
    await cache.stop();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('serves what it can start in time, answers the rest quickly with 503 and Retry-After, and keeps newsroom work moving', async () => {
    const startedAt = Date.now();
    const readers = Array.from({ length: 10 }, (_, index) =>
      fetch(`${base}/canyon-crest/articles/story-${index}`).then(async (response) => ({
        status: response.status,
        retryAfter: response.headers.get('retry-after'),
        cacheControl: response.headers.get('cache-control'),
        at: Date.now() - startedAt,
        body: await response.text(),
      })),
    );
    // While every reader slot is held, a signed-in save still goes through its own lane.
    const save = await fetch(`${base}/api/schools/canyon-crest/articles/x`, { method: 'PUT', headers: { cookie: 'next-auth.session-token=abc' }, body: '{}' });
    expect(save.status).toBe(200);
    // Two render (held for 4 s), two wait in the queue until their 1.5 s are up, six are refused at
    // once. The margins are wide so that a busy machine cannot blur them.
    const refusedFirst = await Promise.race(readers);
    expect(refusedFirst.status).toBe(503);
    expect(refusedFirst.at).toBeLessThan(1_000);
    setTimeout(releaseRenders, 4_000);
    const answers = await Promise.all(readers);
    const refused = answers.filter((answer) => answer.status === 503);
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(2);
    expect(refused).toHaveLength(8);
    for (const answer of refused) {
      expect(answer.retryAfter).toBe('2');
      expect(answer.cacheControl).toBe('no-store');
      expect(answer.body).toContain('try again');
      expect(answer.at).toBeLessThan(3_500);
    }
    // A refusal is never kept: once the load is gone the same address renders and is served.
    rendersHeld = Promise.resolve();
    const again = await fetch(`${base}/canyon-crest/articles/story-9`);
    expect(again.status).toBe(200);
    expect(await again.text()).toContain('/canyon-crest/articles/story-9');
  });

  it('frees a slot when its client goes away, even if the handler never settles', async () => {
    // The newsroom lane has one slot: three abandoned requests in a row would hold it for ever.
    for (let attempt = 0; attempt < 3; attempt++) {
      const leaving = new AbortController();
      const response = await fetch(`${base}/api/abandoned`, { method: 'POST', signal: leaving.signal });
      expect(response.status).toBe(200);
      leaving.abort();
    }
    const startedAt = Date.now();
    const save = await fetch(`${base}/api/schools/canyon-crest/articles/x`, { method: 'PUT', headers: { cookie: 'next-auth.session-token=abc' }, body: '{}' });
    expect(save.status).toBe(200);
    expect(Date.now() - startedAt).toBeLessThan(2_000);
  });
});

describe('a server whose renders finish without waiting on anything (pages rendered from memory)', () => {
  it('still sees a burst as a queue: what cannot start is refused at once rather than rendered one after another', async () => {
    const lanes = { reader: new AdmissionLane({ concurrency: 1, maxQueue: 2, maxWaitMs: 5_000 }), newsroom: new AdmissionLane({ concurrency: 1, maxQueue: 1, maxWaitMs: 1_000 }) };
    const rendered = async () => {
      // 10 ms of CPU and no await: such a render is over before its promise is even looked at.
      const until = performance.now() + 10;
      while (performance.now() < until);
      return { status: 200, headers: {}, body: Buffer.from('<p>page</p>') };
    };
    const upstream = gatedUpstream({ pass: async (_request, response) => void response.end(), render: rendered, close: async () => {} }, lanes);
    const server = http.createServer((request, response) => {
      if (request.url === '/ready') return void response.end('ready');
      void upstream.render(request).then((page) => response.writeHead(page.status).end(page.body));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const firstAnswer = (socket: net.Socket) =>
      new Promise<number>((resolve) => {
        let text = '';
        const read = (chunk: Buffer) => {
          text += chunk.toString('latin1');
          const status = /^HTTP\/1\.1 (\d{3})[^]*?\r\n\r\n/.exec(text);
          if (!status) return;
          socket.off('data', read);
          resolve(Number(status[1]));
        };
        socket.on('data', read);
      });
    try {
      // Twenty readers on open connections the server is already reading from…
      const sockets = await Promise.all(
        Array.from({ length: 20 }, async () => {
          const socket = net.connect(port, '127.0.0.1');
          const ready = firstAnswer(socket);
          socket.write('GET /ready HTTP/1.1\r\nHost: school.test\r\n\r\n');
          expect(await ready).toBe(200);
          return socket;
        }),
      );
      // …ask for a page in the same instant.
      const answers = sockets.map((socket, index) => {
        const answer = firstAnswer(socket);
        socket.write(`GET /canyon-crest/articles/story-${index} HTTP/1.1\r\nHost: school.test\r\n\r\n`);
        return answer;
      });
      const statuses = await Promise.all(answers);
      for (const socket of sockets) socket.destroy();
      // One renders and two wait (if the burst is read in one turn); the rest are refused. Let in at
      // once, each would have rendered before the next was read, and none would have been refused.
      expect(statuses.filter((status) => status === 503).length).toBeGreaterThanOrEqual(10);
      expect(statuses.filter((status) => status !== 503 && status !== 200)).toEqual([]);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
