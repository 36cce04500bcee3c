// Admission control for the production server: it bends instead of breaking. One Node process
// renders one page at a time on its CPU; accepting every request at once only makes all of them
// slow, exhausts the database pool and ends in timeouts and 500s. So renders are let in a few at
// a time, the rest wait in a short queue, and a request that cannot start within its lane's wait
// gets a quick 503 with Retry-After instead of an answer after ten seconds or none.
//
// Two lanes, so that a flood of readers never starves the newsroom. Readers (anonymous GETs of
// pages the page cache missed) wait at most three quarters of a second, so that a page served still
// arrives within about two seconds: a reader would rather reload than stare. Newsroom work
// (signed-in requests, every mutation, autosaves) has its own slots and a longer wait: a save that
// waits is better than a save refused. Cache hits and static files never queue.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { carriesSession, type Upstream } from '../page-cache/index.ts';

export interface LaneLimits {
  /** How many requests of this lane run at once. */
  concurrency: number;
  /** How many may wait for a slot at most; one more is refused at once. Fewer wait when the lane's
   * recent requests show that the next could not start within maxWaitMs. */
  maxQueue: number;
  /** How long one may wait for a slot before it is refused. */
  maxWaitMs: number;
}

export type Admission = { admitted: true; release: () => void } | { admitted: false; reason: 'queue full' | 'would wait too long' | 'waited too long' };

interface Waiter {
  grant: () => void;
  timer: NodeJS.Timeout;
}

/** Slots and a bounded, time-limited queue for one kind of request. */
export class AdmissionLane {
  private running = 0;
  private readonly queue: Waiter[] = [];
  /** How long a slot has recently been held, in ms: a moving average over the last few dozen. */
  private holdMs = 0;
  readonly stats = { admitted: 0, queued: 0, refused: 0 };

  constructor(readonly limits: LaneLimits) {}

  get waiting(): number {
    return this.queue.length;
  }

  get inFlight(): number {
    return this.running;
  }

  admit(): Promise<Admission> {
    if (this.running < this.limits.concurrency && this.queue.length === 0) return new Promise((resolve) => this.grantSlot(resolve));
    if (this.queue.length >= this.limits.maxQueue) return Promise.resolve(this.refusal('queue full'));
    // A newcomer starts once everyone ahead of it has had a slot. A burst of a thousand readers at
    // once (a link shared, a push notification) is let in as far as the slots can start them in
    // time, and only the rest is refused, at once rather than after waiting in vain.
    if (((this.queue.length + 1) * this.holdMs) / this.limits.concurrency > this.limits.maxWaitMs) return Promise.resolve(this.refusal('would wait too long'));
    this.stats.queued++;
    return new Promise((resolve) => {
      const waiter: Waiter = {
        grant: () => {
          clearTimeout(waiter.timer);
          this.grantSlot(resolve);
        },
        timer: setTimeout(() => {
          const index = this.queue.indexOf(waiter);
          if (index !== -1) this.queue.splice(index, 1);
          resolve(this.refusal('waited too long'));
        }, this.limits.maxWaitMs),
      };
      this.queue.push(waiter);
    });
  }

  private refusal(reason: Extract<Admission, { admitted: false }>['reason']): Admission {
    this.stats.refused++;
    return { admitted: false, reason };
  }

  /** Takes a slot now and hands it over on the event loop's next turn, after the sockets already
   * readable have been read. A page rendered from memory finishes within the promise jobs that
   * follow its own socket's read: handed over at once, it would be done before the next request is
   * seen, the lane would never hold more than one, nothing would ever be refused, and the excess
   * would wait unseen in the sockets (the bench's overload at 4,600 req/s: no 503s, served p50
   * 1.1 s, the health check answered after 2 s). A slot freed by such a render goes to the next
   * waiter on the next turn too, or the whole queue would render in one turn. */
  private grantSlot(handOver: (admission: Admission) => void): void {
    this.running++;
    this.stats.admitted++;
    const grantedAt = performance.now();
    let released = false;
    const admission: Admission = {
      admitted: true,
      release: () => {
        if (released) return;
        released = true;
        // One upload or export held for minutes must not close the newsroom's queue: a hold
        // longer than the lane's wait counts as that wait.
        const held = Math.min(performance.now() - grantedAt, this.limits.maxWaitMs);
        this.holdMs = this.holdMs === 0 ? held : this.holdMs + (held - this.holdMs) / 32;
        this.running--;
        this.queue.shift()?.grant();
      },
    };
    setImmediate(handOver, admission);
  }
}

export type LaneName = 'reader' | 'newsroom';

/** Which lane a request that reaches the app belongs to; null for what never queues. */
export function laneFor(request: IncomingMessage): LaneName | null {
  const path = (request.url ?? '/').split('?')[0]!;
  // Static build files and the health check cost next to nothing and must answer under load.
  if (path.startsWith('/_next/static/') || path === '/api/health' || path === '/favicon.ico') return null;
  const signedIn = carriesSession(request);
  const reading = request.method === 'GET' || request.method === 'HEAD';
  return reading && !signedIn && !path.startsWith('/api/') ? 'reader' : 'newsroom';
}

const number = (value: string | undefined, fallback: number) => (value && Number.isFinite(Number(value)) && Number(value) > 0 ? Number(value) : fallback);

/** Defaults sized for a 2-core machine and its 16-connection request pool (lib/db.ts): 4 reader and
 * 8 newsroom requests in flight, each holding a connection at a time. Renders are CPU work: more
 * than two cores' worth at once only makes each slower (at 6 slots the served p99 under overload
 * reached 2.1 s at 100k articles). Newsroom requests are short
 * (an autosave is a few milliseconds of work), so their lane is wider: at 4 slots, 20 reporters
 * saving once a second already queued behind one another (autosave p95 110 ms instead of 50).
 * How many readers wait is set by their wait (see admit); the reader queue's length is only a cap. */
export function laneLimitsFromEnvironment(env: NodeJS.ProcessEnv = process.env): Record<LaneName, LaneLimits> {
  return {
    reader: { concurrency: number(env.MASTHEAD_READER_CONCURRENCY, 4), maxQueue: number(env.MASTHEAD_READER_QUEUE, 1024), maxWaitMs: number(env.MASTHEAD_READER_WAIT_MS, 750) },
    newsroom: { concurrency: number(env.MASTHEAD_NEWSROOM_CONCURRENCY, 8), maxQueue: number(env.MASTHEAD_NEWSROOM_QUEUE, 256), maxWaitMs: number(env.MASTHEAD_NEWSROOM_WAIT_MS, 10_000) },
  };
}

export const RETRY_AFTER_SECONDS = 2;
const BUSY_PAGE =
  '<!doctype html><html lang="en"><meta charset="utf-8"><title>Busy for a moment</title><main><h1>So many readers right now</h1><p>The paper is busy for a moment. Please try again in a few seconds.</p></main></html>';

/** The quick refusal: 503 with Retry-After, never cached by anyone. */
export function busyResponse(request: IncomingMessage): { status: 503; headers: Record<string, string>; body: string } {
  const wantsJson = (request.url ?? '').startsWith('/api/') || /application\/json/.test(String(request.headers.accept ?? ''));
  return {
    status: 503,
    headers: { 'Retry-After': String(RETRY_AFTER_SECONDS), 'Cache-Control': 'no-store', 'Content-Type': wantsJson ? 'application/json' : 'text/html; charset=utf-8' },
    body: wantsJson ? JSON.stringify({ error: 'The server is busy. Try again in a moment.' }) : BUSY_PAGE,
  };
}

export function sendBusy(request: IncomingMessage, response: ServerResponse): void {
  const busy = busyResponse(request);
  response.writeHead(busy.status, busy.headers);
  response.end(request.method === 'HEAD' ? undefined : busy.body);
}

/** The app behind the page cache, let in through the lanes: a refused render comes back as a 503
 * page, which the cache passes on and never keeps. */
export function gatedUpstream(upstream: Upstream, lanes: Record<LaneName, AdmissionLane>): Upstream {
  return {
    async pass(request, response) {
      const lane = laneFor(request);
      if (!lane) return upstream.pass(request, response);
      const admission = await lanes[lane].admit();
      if (!admission.admitted) return sendBusy(request, response);
      // The slot is held until the answer is sent, or until the client has gone: Next's handler
      // does not always settle when the connection closes under it (a client that gives up mid-
      // answer), and a slot held for ever is a lane that shrinks until every save waits and fails.
      const closed = new Promise<void>((resolve) => response.once('close', resolve));
      try {
        await Promise.race([upstream.pass(request, response), closed]);
      } finally {
        admission.release();
      }
    },
    async render(request) {
      const admission = await lanes.reader.admit();
      if (!admission.admitted) {
        const busy = busyResponse(request);
        return { status: busy.status, headers: lowerCased(busy.headers), body: Buffer.from(busy.body) };
      }
      try {
        return await upstream.render(request);
      } finally {
        admission.release();
      }
    },
    close: () => upstream.close(),
  };
}

function lowerCased(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
}
