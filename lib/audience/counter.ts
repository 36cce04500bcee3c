// Audience numbers without tracking: the production server counts each reader page it serves
// (page-cache hits included) in memory, by school, page and the domain the reader came from, and
// adds the counts to the database every few seconds in one statement. Nothing about the reader is
// kept: no cookie is set or read, no address, no user agent, no fingerprint. Requests from known
// bots and crawlers (isbot's list, and requests with no user agent at all) are not counted.
import type { IncomingMessage } from 'node:http';
import { isbot } from 'isbot';
import pg from 'pg';

interface PendingViews {
  school: string;
  path: string;
  referrer: string;
  views: number;
}

/** As requests arrived: named into pages and domains only when written, once per distinct address. */
interface RawViews {
  school: string;
  url: string;
  referer: string | undefined;
  views: number;
}

/** The page a view is of, inside its school: "/", "/articles/slug", "/sections/news". The school's
 * own prefix (path-based addresses) and the query string are dropped. */
export function pageOf(url: string, school: string): string {
  const pathname = url.split('?')[0]!.split('#')[0]!;
  const inside = pathname === `/${school}` ? '/' : pathname.startsWith(`/${school}/`) ? pathname.slice(school.length + 1) : pathname;
  try {
    return decodeURIComponent(inside).slice(0, 300) || '/';
  } catch {
    return inside.slice(0, 300) || '/';
  }
}

/** The domain a reader came from ("" for none, or for one we cannot read). Only the host is kept. */
export function referrerDomain(referer: string | undefined): string {
  if (!referer) return '';
  try {
    return new URL(referer).hostname
      .toLowerCase()
      .replace(/^www\./, '')
      .slice(0, 253);
  } catch {
    return '';
  }
}

// isbot's pattern costs about 1.5 µs a request; readers' browsers send a few dozen distinct user
// agents, so each is judged once (the memo is emptied when it grows past a bound).
const readerAgents = new Map<string, boolean>();

/** Whether a request is a person reading, as far as the server can tell without tracking them. A
 * browser says what it fetches for: a live story's updater asking for the page again
 * (public/live-updates.js) is a fetch, not a page someone opened, and is not a view. */
export function countsAsReader(request: IncomingMessage): boolean {
  const destination = request.headers['sec-fetch-dest'];
  if (destination !== undefined && destination !== 'document') return false;
  const agent = request.headers['user-agent'];
  if (typeof agent !== 'string' || agent.length === 0) return false;
  let reader = readerAgents.get(agent);
  if (reader === undefined) {
    if (readerAgents.size >= 10_000) readerAgents.clear();
    readerAgents.set(agent, (reader = !isbot(agent)));
  }
  return reader;
}

// Adds the counts to each page's row for today (in the school's time zone); articles and sections
// are linked by their slug as it is now. Runs as the platform tenant: one batch spans schools.
const ADD_VIEWS = `
INSERT INTO page_view_counts ("schoolId", day, path, "articleId", "sectionId", referrer, views)
SELECT s.id, (now() AT TIME ZONE s."timeZone")::date, v.path,
       (SELECT a.id FROM articles a WHERE a."schoolId" = s.id AND a.slug = substring(v.path from '^/articles/([^/]+)$')),
       (SELECT c.id FROM sections c WHERE c."schoolId" = s.id AND c.slug = substring(v.path from '^/sections/([^/]+)$')),
       v.referrer, v.views
FROM unnest($1::text[], $2::text[], $3::text[], $4::int[]) AS v(school, path, referrer, views)
JOIN schools s ON s.slug = v.school
ON CONFLICT ("schoolId", day, path, referrer) DO UPDATE SET views = page_view_counts.views + EXCLUDED.views`;

export interface AudienceCounterOptions {
  databaseUrl: string;
  /** How often counts are written; a stopped server writes what it has first. */
  flushIntervalMs?: number;
  log?: (line: string) => void;
}

export class AudienceCounter {
  private raw = new Map<string, RawViews>();
  // Counts a failed write kept for the next one.
  private pending = new Map<string, PendingViews>();
  private readonly pool: pg.Pool;
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();

  constructor(private readonly options: AudienceCounterOptions) {
    this.pool = new pg.Pool({ connectionString: options.databaseUrl, max: 1 });
    this.pool.on('error', (error) => options.log?.(`[audience] ${error.message}`));
  }

  start(): void {
    this.timer ??= setInterval(() => void this.flush(), this.options.flushIntervalMs ?? 5_000);
    this.timer.unref();
  }

  /** Counts one served reader page: a map update, nothing more, on the hot path (about 0.1 µs). */
  record(request: IncomingMessage, school: string): void {
    if (request.method !== 'GET' || !countsAsReader(request)) return;
    const url = request.url ?? '/';
    const referer = request.headers.referer;
    const key = `${school} ${url} ${referer ?? ''}`;
    const entry = this.raw.get(key);
    if (entry) entry.views++;
    else this.raw.set(key, { school, url, referer, views: 1 });
  }

  private add(row: PendingViews): void {
    const key = `${row.school}\n${row.path}\n${row.referrer}`;
    const entry = this.pending.get(key);
    if (entry) entry.views += row.views;
    else this.pending.set(key, { ...row });
  }

  /** Writes what was counted since the last time; a failed write keeps its counts for the next. */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(() => this.write());
    return this.flushing;
  }

  private async write(): Promise<void> {
    for (const { school, url, referer, views } of this.raw.values()) this.add({ school, path: pageOf(url, school), referrer: referrerDomain(referer), views });
    this.raw = new Map();
    if (this.pending.size === 0) return;
    const batch = [...this.pending.values()];
    this.pending = new Map();
    const client = await this.pool.connect().catch(() => null);
    try {
      if (!client) throw new Error('no database connection');
      await client.query('BEGIN');
      await client.query(`SELECT set_config('masthead.tenant', 'platform', true)`);
      await client.query(ADD_VIEWS, [batch.map((row) => row.school), batch.map((row) => row.path), batch.map((row) => row.referrer), batch.map((row) => row.views)]);
      await client.query('COMMIT');
    } catch (error) {
      await client?.query('ROLLBACK').catch(() => {});
      this.options.log?.(`[audience] could not write ${batch.length} counts, keeping them: ${(error as Error).message}`);
      for (const row of batch) this.add(row);
    } finally {
      client?.release();
    }
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.flush();
    await this.pool.end();
  }
}
