// Finished reader pages, kept in the production server's memory and served as bytes until the
// school's content changes. Every change readers can see goes through `readersSeeChange`, which
// NOTIFYs the school's slug when its transaction commits; each server LISTENs and drops that
// school's pages. While the listening connection is down nothing is served from or stored in the
// cache, so a page is never older than the last committed change. The same listener keeps the
// renderer's copies of each school and of who people are honest (lib/tenants/school-cache.ts,
// lib/auth/people-cache.ts): it tells the renderer of each change (`keptRows`), and keeps no page
// whose render was asked for before the renderer had applied every change to its school.
//
// Reader pages have no client components (tests/reader/no-client-code.test.ts keeps it so), so
// they go out as plain HTML: Next's hydration scripts are removed and the page is sent with a
// Content-Security-Policy that allows no script at all. Nothing a student types can run in a
// reader's browser, the pages cost readers no JavaScript, and one cached copy serves everyone
// (a per-request script nonce would make every response unique). One script is let through: a
// live story's updater, a static file of this site (lib/routes.ts), under a policy that allows
// this site's scripts and fetches only on those pages.
import { createHash } from 'node:crypto';
import http, { type IncomingHttpHeaders, type IncomingMessage, type OutgoingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pipeline } from 'node:stream';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import pg from 'pg';
import { LIVE_UPDATES_SCRIPT, readerPageSchool } from '../routes.ts';
import { policyOf } from '../security/content-security-policy.ts';
import { SHARED_PAGE_CACHE_CONTROL, surrogateKeyHeaders, surrogateKeysFor } from '../serving/cdn.ts';
import { PEOPLE_CHANNEL, type KeptRowsChange } from '../serving/kept-while-listening.ts';

const gzipInBackground = promisify(gzip);

export const READER_CONTENT_CHANNEL = 'masthead_reader_content';
/** Set by proxy.ts on reader pages: which school's content the page shows. */
export const SCHOOL_HEADER = 'x-masthead-school';

type Handler = (request: IncomingMessage, response: ServerResponse) => Promise<void> | void;

export interface RenderedPage {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** The app behind the cache: answers directly, or hands a whole page back so it can be kept. */
export interface Upstream {
  pass: Handler;
  render(request: IncomingMessage): Promise<RenderedPage>;
  close(): Promise<void>;
}

function readerPagePolicy(liveUpdates: boolean): string {
  // A live story's page runs its updater, from this site, which fetches the page again; nothing else.
  const own = liveUpdates ? "'self'" : "'none'";
  return policyOf({ scriptSrc: own, connectSrc: own, imgSrc: "'self' data: https:" });
}
export const READER_PAGE_POLICY = readerPagePolicy(false);
export const LIVE_READER_PAGE_POLICY = readerPagePolicy(true);

interface CachedPage {
  school: string;
  status: number;
  body: Buffer;
  gzip: Buffer;
  etag: string;
  /** A reader's view of a page (counted by lib/audience), not a feed or a file. */
  readerView: boolean;
  // The response heads, made once when the page is kept: a hit only picks one.
  notModified: OutgoingHttpHeaders;
  plain: OutgoingHttpHeaders;
  gzipped: OutgoingHttpHeaders;
}

export interface PageCacheOptions {
  databaseUrl: string;
  maxBytes?: number;
  log?: (line: string) => void;
  /** Told of every reader page served (from the cache or freshly rendered): lib/audience counts them. */
  onReaderPage?: (request: IncomingMessage, school: string) => void;
  /** Tells the thread that renders of a change to the rows it keeps; settles once it is applied
   * there (lib/serving/apply-kept-rows-change.ts, in that thread). */
  keptRows: (change: KeptRowsChange) => Promise<void> | void;
}

// Requests that may differ per person, or that are not reader pages (lib/routes.ts), always go to Next.
const PER_REQUEST_HEADERS = ['rsc', 'next-action', 'next-router-state-tree', 'next-router-prefetch', 'authorization'];
const HOP_BY_HOP = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length']);
/** Set on the cache's own requests for a whole page, which the renderer may render without Next
 * (server/direct-render.tsx); never passed on from a client. */
export const WHOLE_PAGE_HEADER = 'x-masthead-whole-page';
// Not passed on by a proxy (RFC 9110 §7.6.1), nor the marker above from anyone but the cache. An
// `Expect: 100-continue` was answered by this server already.
const NOT_PROXIED = new Set(['connection', 'keep-alive', 'proxy-connection', 'te', 'trailer', 'transfer-encoding', 'upgrade', 'expect', WHOLE_PAGE_HEADER]);
// A whole page is asked for with the GET's head alone, nothing of a body it may have come with.
const FORWARDED_WITHOUT = new Set([...NOT_PROXIED, 'date', 'content-length', 'content-type']);
// A kept page is one answer for everyone: nothing personal or per-response is replayed.
// The school header only tells this cache whose page it is (set by proxy.ts): readers need not see it.
const NOT_REPLAYED = new Set([...HOP_BY_HOP, 'content-encoding', 'cache-control', 'etag', 'vary', 'set-cookie', SCHOOL_HEADER]);

/** Whether the request comes with a session cookie (plain, `__Secure-` or chunked `.0`): such a
 * request may be answered for that person alone. The admission lanes read it too. */
export function carriesSession(request: IncomingMessage): boolean {
  return /next-auth\.session-token/.test(request.headers.cookie ?? '');
}

/** Whether a GET may be answered with a page kept for everyone: nobody's in particular (no
 * session), and not Next's own navigation or action. Whether its address is a reader page is asked
 * only on a miss: a kept page's address was found to be one when it was kept. */
function askedByAnyone(request: IncomingMessage): boolean {
  if (request.method !== 'GET') return false;
  const headers = request.headers;
  for (const name of PER_REQUEST_HEADERS) if (headers[name] !== undefined) return false;
  return !carriesSession(request);
}

export class ReaderPageCache {
  private readonly pages = new Map<string, CachedPage>();
  private bytes = 0;
  private listener: pg.Client | null = null;
  private listening = false;
  private stopped = false;
  // A render asked for before the renderer had applied a change to its school must not be stored:
  // changes are numbered as they are heard, and `applied` is the last the renderer has applied.
  // Losing the listener, and getting it back, is a change to every school (`lastReset`): what
  // changed meanwhile went unheard.
  private changes = 0;
  private applied = 0;
  private lastReset = 0;
  private readonly lastChange = new Map<string, number>();
  readonly stats = { hits: 0, misses: 0, shared: 0, stored: 0, invalidations: 0 };
  // Renders under way, by key, so that concurrent misses for one page share one render.
  private readonly rendering = new Map<string, Promise<CachedPage | null>>();

  constructor(private readonly options: PageCacheOptions) {}

  get isListening(): boolean {
    return this.listening;
  }

  async start(): Promise<void> {
    this.stopped = false;
    await this.listen();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.listening = false;
    await this.tellRenderer({ listening: false }).applied;
    await this.listener?.end().catch(() => {});
    this.listener = null;
  }

  /** Numbers the change and tells the renderer; `applied` settles once the renderer has applied it.
   * A change the renderer could not apply leaves `applied` behind it for good: no page is kept again. */
  private tellRenderer(change: KeptRowsChange): { number: number; applied: Promise<void> } {
    const number = ++this.changes;
    const done = () => void (this.applied = Math.max(this.applied, number));
    let told: Promise<void> | void;
    try {
      told = this.options.keptRows(change);
    } catch (error) {
      told = Promise.reject(error);
    }
    if (!told) return { number, applied: Promise.resolve(done()) };
    const notApplied = (error: unknown) => this.options.log?.(`[page-cache] the renderer was not told of a change (${(error as Error).message}); keeping no more pages`);
    return { number, applied: told.then(done, notApplied) };
  }

  private async listen(): Promise<void> {
    const client = new pg.Client({ connectionString: this.options.databaseUrl });
    const lost = (reason: string) => {
      if (this.listener !== client) return;
      this.listener = null;
      this.forgetEverything();
      if (this.stopped) return;
      this.options.log?.(`[page-cache] listener lost (${reason}); serving uncached until it is back`);
      setTimeout(() => void this.listen().catch(() => lost('reconnect failed')), 1000).unref();
    };
    client.on('error', (error) => lost(error.message));
    client.on('end', () => lost('connection ended'));
    client.on('notification', (message) => {
      if (message.channel === READER_CONTENT_CHANNEL && message.payload) this.invalidate(message.payload);
      if (message.channel === PEOPLE_CHANNEL && message.payload) this.tellRenderer({ person: message.payload });
    });
    this.listener = client;
    await client.connect();
    await client.query(`LISTEN ${READER_CONTENT_CHANNEL}; LISTEN ${PEOPLE_CHANNEL}`);
    if (this.listener !== client || this.stopped) return;
    // Heard from now on; what was rendered before may predate a change that went unheard.
    const heard = this.tellRenderer({ listening: true });
    this.lastReset = heard.number;
    await heard.applied;
    if (this.listener === client && !this.stopped) this.listening = true;
  }

  private forgetEverything(): void {
    this.listening = false;
    this.tellRenderer({ listening: false });
    this.pages.clear();
    this.bytes = 0;
  }

  invalidate(school: string): void {
    this.stats.invalidations++;
    this.lastChange.set(school, this.tellRenderer({ school }).number);
    for (const [key, page] of this.pages) {
      if (page.school === school) this.remove(key, page);
    }
  }

  private remove(key: string, page: CachedPage): void {
    this.pages.delete(key);
    this.bytes -= page.body.length + page.gzip.length;
  }

  /** Serves the request from the cache, or renders it and keeps the page if it is a reader page.
   * A hit is answered before this returns, and returns nothing: no promise is made for it, since a
   * promise costs a hit a tenth of its time in a process where Next's AsyncLocalStorage follows
   * every one. Anything else returns the promise of its answer. */
  handle(request: IncomingMessage, response: ServerResponse, upstream: Upstream): Promise<void> | undefined {
    try {
      if (!askedByAnyone(request)) return Promise.resolve(upstream.pass(request, response));
      const key = `${request.headers.host ?? ''}${request.url ?? '/'}`;
      const page = this.listening ? this.pages.get(key) : undefined;
      if (!page) {
        if (readerPageSchool(request.url ?? '/') === null) return Promise.resolve(upstream.pass(request, response));
        return this.renderAndKeep(request, response, upstream, key);
      }
      this.stats.hits++;
      this.pages.delete(key);
      this.pages.set(key, page);
      this.replay(request, response, page);
      return undefined;
    } catch (error) {
      // As from an async function: the caller's catch answers it, nothing escapes to the server.
      return Promise.reject(error);
    }
  }

  private async renderAndKeep(request: IncomingMessage, response: ServerResponse, upstream: Upstream, key: string): Promise<void> {
    this.stats.misses++;
    // Many readers asking at once for a page nobody has rendered yet (a story just published, a
    // link shared in a group chat) wait for one render instead of each starting their own.
    const inFlight = this.rendering.get(key);
    if (inFlight) {
      const shared = await inFlight;
      if (shared) {
        this.stats.shared++;
        return this.replay(request, response, shared);
      }
    }
    const startedAt = this.applied;
    let settle: (page: CachedPage | null) => void = () => {};
    const own = new Promise<CachedPage | null>((resolve) => (settle = resolve));
    if (!inFlight) this.rendering.set(key, own);
    try {
      const rendered = await upstream.render(request);
      const school = rendered.headers[SCHOOL_HEADER];
      if (typeof school !== 'string' || rendered.status !== 200 || rendered.headers['set-cookie'] !== undefined) {
        settle(null);
        response.writeHead(rendered.status, headersExcept(rendered.headers, HOP_BY_HOP));
        response.end(rendered.body);
        return;
      }
      const prepared = await this.prepare(school, request.url ?? '/', rendered);
      // Kept and shared only if no change to its school committed while it was being rendered;
      // otherwise those waiting render the new state themselves.
      const current = this.listening && Math.max(this.lastReset, this.lastChange.get(school) ?? 0) <= startedAt;
      settle(current ? prepared : null);
      if (current) this.store(key, prepared);
      this.replay(request, response, prepared);
    } finally {
      settle(null);
      if (this.rendering.get(key) === own) this.rendering.delete(key);
    }
  }

  private async prepare(school: string, path: string, rendered: RenderedPage): Promise<CachedPage> {
    const headers = { ...headersExcept(rendered.headers, NOT_REPLAYED), ...surrogateKeyHeaders(surrogateKeysFor(school, path)) };
    let body = rendered.body;
    if (String(headers['content-type'] ?? '').startsWith('text/html')) {
      const html = withoutScripts(body.toString('utf8'));
      body = Buffer.from(html);
      headers['content-security-policy'] = html.includes(LIVE_UPDATES_ELEMENT) ? LIVE_READER_PAGE_POLICY : READER_PAGE_POLICY;
    }
    // Compressed on libuv's threads: the event loop goes on serving hits meanwhile.
    const gzip = await gzipInBackground(body);
    const etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
    const notModified = { ...headers, etag, vary: 'Accept-Encoding', 'cache-control': SHARED_PAGE_CACHE_CONTROL };
    return {
      school,
      status: rendered.status,
      body,
      gzip,
      etag,
      readerView: rendered.status === 200 && String(headers['content-type'] ?? '').startsWith('text/html'),
      notModified,
      plain: { ...notModified, 'content-length': body.length },
      gzipped: { ...notModified, 'content-length': gzip.length, 'content-encoding': 'gzip' },
    };
  }

  private store(key: string, page: CachedPage): void {
    const maxBytes = this.options.maxBytes ?? 256 * 1024 * 1024;
    if (page.body.length + page.gzip.length > maxBytes / 16) return;
    const previous = this.pages.get(key);
    if (previous) this.remove(key, previous);
    this.pages.set(key, page);
    this.bytes += page.body.length + page.gzip.length;
    this.stats.stored++;
    for (const [oldestKey, oldest] of this.pages) {
      if (this.bytes <= maxBytes) break;
      this.remove(oldestKey, oldest);
    }
  }

  private replay(request: IncomingMessage, response: ServerResponse, page: CachedPage): void {
    if (page.readerView) this.options.onReaderPage?.(request, page.school);
    if (request.headers['if-none-match'] === page.etag) {
      response.writeHead(304, page.notModified);
      response.end();
      return;
    }
    const gzip = /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
    response.writeHead(page.status, gzip ? page.gzipped : page.plain);
    response.end(request.method === 'HEAD' ? undefined : gzip ? page.gzip : page.body);
  }
}

const SCRIPT_ELEMENT = /<script\b(?![^>]*\btype="application\/ld\+json")[^>]*>[\s\S]*?<\/script>/gi;
const SCRIPT_PRELOAD = /<link\b[^>]*\b(?:rel="modulepreload"|as="script")[^>]*\/?>/gi;

// The live updater, as kept pages carry it: without the nonce it was rendered with.
const LIVE_UPDATES_ELEMENT = `<script src="${LIVE_UPDATES_SCRIPT}" defer=""></script>`;

/** A reader page without its hydration scripts; structured data (JSON-LD) and a live story's
 * updater stay. */
export function withoutScripts(html: string): string {
  return html.replace(SCRIPT_ELEMENT, (element) => (element.startsWith(`<script src="${LIVE_UPDATES_SCRIPT}"`) ? LIVE_UPDATES_ELEMENT : '')).replace(SCRIPT_PRELOAD, '');
}

function headersExcept(headers: IncomingHttpHeaders, dropped: Set<string>): OutgoingHttpHeaders {
  const kept: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (!dropped.has(name) && value !== undefined) kept[name] = value;
  }
  return kept;
}

/**
 * The app listening on a private loopback port (the renderer's thread, scripts/production-server.ts):
 * the cache asks it for a whole page (uncompressed, to be rewritten and kept), and requests the
 * cache does not keep are passed to it and their answers streamed back as they come.
 */
export function remoteUpstream(port: number): Upstream {
  // Only this process connects, and keeps its sockets for the next request. The app closes no idle
  // socket (`keepAliveTimeout = 0` where it listens): Node closes one idle for 5 s by default, and a
  // request that picks that socket as it closes gets "socket hang up", a reader's 500.
  const agent = new http.Agent({ keepAlive: true, maxFreeSockets: 64 });
  return {
    pass: (request, response) =>
      new Promise((resolve) => {
        const outgoing = http.request({ host: '127.0.0.1', port, path: request.url, method: request.method, headers: headersExcept(request.headers, NOT_PROXIED), agent }, (incoming) => {
          response.writeHead(incoming.statusCode ?? 502, incoming.statusMessage, headersExcept(incoming.headers, NOT_PROXIED));
          pipeline(incoming, response, () => resolve());
        });
        // A client that goes away stops the app's answer too (an export, a long upload).
        response.once('close', () => {
          if (!response.writableFinished) outgoing.destroy();
          resolve();
        });
        outgoing.once('error', (error) => {
          if (!response.headersSent) response.writeHead(502, { 'content-type': 'text/plain; charset=utf-8' }).end(`The app did not answer: ${error.message}`);
          else response.destroy(error);
          resolve();
        });
        pipeline(request, outgoing, () => {});
      }),
    render: (request) =>
      new Promise((resolve, reject) => {
        // Only a GET's head goes up: a body the client sent with it (or its length) would be left
        // on the kept-alive loopback connection and read as the start of the next request.
        const headers: IncomingHttpHeaders = headersExcept(request.headers, FORWARDED_WITHOUT) as IncomingHttpHeaders;
        headers['accept-encoding'] = 'identity';
        headers[WHOLE_PAGE_HEADER] = '1';
        const outgoing = http.request({ host: '127.0.0.1', port, path: request.url, method: 'GET', headers, agent }, (incoming) => {
          const chunks: Buffer[] = [];
          incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
          incoming.on('end', () => resolve({ status: incoming.statusCode ?? 502, headers: incoming.headers, body: Buffer.concat(chunks) }));
          incoming.on('error', reject);
        });
        outgoing.on('error', reject);
        outgoing.end();
      }),
    close: async () => agent.destroy(),
  };
}

/** Serves `app` on a private loopback port that closes no idle socket (see remoteUpstream). A fault
 * the app did not answer itself is answered here, never left to end the renderer's thread. */
export async function listenOnLoopback(app: Handler): Promise<http.Server> {
  const server = http.createServer((request, response) => {
    Promise.resolve()
      .then(() => app(request, response))
      .catch((error: unknown) => {
        console.error(error);
        if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end('Something went wrong on our side.');
        else response.destroy();
      });
  });
  server.keepAliveTimeout = 0;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

/** `app` in this thread behind a loopback port, as the production server has its renderer. */
export async function loopbackUpstream(app: Handler): Promise<Upstream> {
  const server = await listenOnLoopback(app);
  const upstream = remoteUpstream((server.address() as AddressInfo).port);
  return {
    ...upstream,
    close: async () => {
      await upstream.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
