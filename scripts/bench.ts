// `npm run bench`: a production build on generated data of two sizes (1,000 and 100,000 articles),
// measured with autocannon, each figure beside a reference taken in the same run, written to
// docs/BENCHMARKS.md. The datasets are generated once per seed and generator version into template
// databases in .data/bench; every run measures a fresh copy, so runs do not drift.
//   --sizes 1000,100000   which dataset sizes to run (articles; schools scale with them)
//   --no-build            reuse the last build in .next-bench
//   --duration 10         seconds per load test (the mixed load runs 60)
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { databaseUrlFor, projectRoot, startEmbeddedDatabase, withPgClient } from './lib/database.ts';
import { signInOverHttp, type SignedInClient } from './lib/http-client.ts';
import { applyMigrations } from './lib/prisma-cli.ts';
import { SCALE_GENERATOR_VERSION, SCALE_PASSWORD, seedScale } from './seed-scale.ts';

const DIST_DIR = '.next-bench';
const PORT = 3400;
const BASE = `http://127.0.0.1:${PORT}`;
const SEED = 1;
const argument = (name: string) => {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? undefined : process.argv[index + 1];
};
const SIZES = (argument('sizes') ?? '1000,100000').split(',').map(Number);
const DURATION = Number(argument('duration') ?? 10);
const MIXED_DURATION = Number(argument('mixed-duration') ?? 60);
const OVERLOAD_DURATION = Number(argument('overload-duration') ?? 30);
const log = (line: string) => console.log(`[bench] ${line}`);

const schoolsFor = (articles: number) => Math.max(10, Math.min(200, Math.round(articles / 500)));
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : NaN;
};
const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

// ---------------------------------------------------------------------------------------------
// Datasets and the server
// ---------------------------------------------------------------------------------------------

function latestMigration(): string {
  return readdirSync(path.join(projectRoot, 'prisma/migrations'))
    .filter((name) => /^\d/.test(name))
    .sort()
    .at(-1)!;
}

async function prepareDataset(adminUrl: string, articles: number): Promise<string> {
  const template = `bench_template_${articles}`;
  const marker = `seed:scale v${SCALE_GENERATOR_VERSION} seed ${SEED} schools ${schoolsFor(articles)} articles ${articles} schema ${latestMigration()}`;
  const existing = await withPgClient(adminUrl, async (client) => {
    const { rows } = await client.query<{ description: string | null }>(`SELECT shobj_description(oid, 'pg_database') AS description FROM pg_database WHERE datname = $1`, [template]);
    return rows[0];
  });
  if (existing?.description !== marker) {
    log(`generating ${articles.toLocaleString('en')} articles in ${schoolsFor(articles)} schools (once per seed and schema)…`);
    await withPgClient(adminUrl, async (client) => {
      await client.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
      await client.query(`CREATE DATABASE ${template}`);
    });
    const templateUrl = databaseUrlFor(adminUrl, template);
    await applyMigrations(templateUrl, { quiet: true });
    await seedScale(templateUrl, { schools: schoolsFor(articles), articles, seed: SEED, log });
    await withPgClient(adminUrl, (client) => client.query(`COMMENT ON DATABASE ${template} IS '${marker}'`));
  }
  const run = `bench_run_${articles}`;
  await withPgClient(adminUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${run} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${run} TEMPLATE ${template}`);
  });
  return databaseUrlFor(adminUrl, run);
}

async function build(): Promise<void> {
  if (process.argv.includes('--no-build') && existsSync(path.join(projectRoot, DIST_DIR, 'BUILD_ID'))) return;
  log('building for production (next build)…');
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(projectRoot, 'node_modules/next/dist/bin/next'), 'build'], {
      cwd: projectRoot,
      env: { ...process.env, NEXT_DIST_DIR: DIST_DIR, NEXT_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`next build failed (${code})`))));
  });
}

interface Server {
  stop(): Promise<void>;
}

async function startServer(databaseUrl: string, extraEnv: Record<string, string> = {}): Promise<Server> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', path.join(projectRoot, 'scripts/serve.ts'), '--production'], {
    cwd: projectRoot,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(PORT),
      NEXT_DIST_DIR: DIST_DIR,
      NEXTAUTH_SECRET: 'bench-secret-not-for-production-use-000000',
      NEXTAUTH_URL: BASE,
      MASTHEAD_SCHEDULER_INTERVAL_MS: '1000',
      ...extraEnv,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  for (let attempt = 0; attempt < 240; attempt++) {
    if (child.exitCode !== null) throw new Error('The production server exited while starting.');
    try {
      if ((await fetch(`${BASE}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return {
    async stop() {
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}

/** The reference: a plain Node server, in a process of its own as the app is, answering every
 * request with the same saved bytes. */
const STATIC_SERVER = `
const http = require('node:http');
const body = require('node:fs').readFileSync(process.argv[1]);
const server = http.createServer((request, response) => {
  response.writeHead(200, { 'Content-Type': process.argv[2], 'Content-Length': body.length });
  response.end(body);
});
server.listen(0, '127.0.0.1', () => console.log(server.address().port));`;

async function startStaticServer(body: Buffer, contentType: string): Promise<{ url: string; close(): Promise<void> }> {
  const file = path.join(projectRoot, '.data/bench/static-page');
  writeFileSync(file, body);
  const child = spawn(process.execPath, ['-e', STATIC_SERVER, file, contentType], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<string>((resolve, reject) => {
    child.stdout!.once('data', (data: Buffer) => resolve(data.toString().trim()));
    child.once('exit', () => reject(new Error('The static server did not start.')));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      child.kill();
      await new Promise((resolve) => child.once('exit', resolve));
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Measurements
// ---------------------------------------------------------------------------------------------

interface Load {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  busy: number;
}

async function load(url: string, connections: number, duration: number, paths?: () => string): Promise<Load> {
  const result = await autocannon({
    url,
    connections,
    duration,
    ...(paths ? { requests: [{ setupRequest: (request: autocannon.Request) => ({ ...request, path: paths() }) }] } : {}),
  });
  // 503s are the server's deliberate "busy, retry" (admission control), counted apart from errors.
  const busy = result.statusCodeStats?.['503']?.count ?? 0;
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.timeouts + result.non2xx - busy, busy };
}

async function pageAgainstStatic(pagePath: string): Promise<{ app: Load; reference: Load; ratio: number }> {
  const saved = await fetch(`${BASE}${pagePath}`);
  if (!saved.ok) throw new Error(`${pagePath} answered ${saved.status}`);
  const html = Buffer.from(await saved.arrayBuffer());
  const reference = await startStaticServer(html, saved.headers.get('content-type') ?? 'text/html');
  try {
    await load(`${BASE}${pagePath}`, 10, 2); // warm-up
    const staticLoad = await load(reference.url + pagePath, 50, DURATION);
    const appLoad = await load(`${BASE}${pagePath}`, 50, DURATION);
    return { app: appLoad, reference: staticLoad, ratio: appLoad.rps / staticLoad.rps };
  } finally {
    await reference.close();
  }
}

async function sequentialLatencies(paths: string[]): Promise<{ p50: number; p95: number; failures: number }> {
  const times: number[] = [];
  let failures = 0;
  for (const pagePath of paths) {
    const started = performance.now();
    const response = await fetch(`${BASE}${pagePath}`);
    await response.arrayBuffer();
    times.push(performance.now() - started);
    if (!response.ok) failures++;
  }
  return { p50: percentile(times, 50), p95: percentile(times, 95), failures };
}

interface Overload {
  offeredRate: number;
  sent: number;
  served: number;
  servedP50: number;
  servedP99: number;
  busy: number;
  otherServerErrors: number;
  timeouts: number;
  connectionErrors: number;
}

/** Requests at a fixed arrival rate (not as fast as answers come back), each to an address the page
 * cache has never seen, so every one asks for a render. Latency is kept per answer, so the served
 * pages' percentiles are not mixed with the quick refusals'. */
async function overload(ratePerSecond: number, duration: number, paths: () => string): Promise<Overload> {
  const servedTimes: number[] = [];
  const statuses = new Map<number, number>();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: BASE,
        // Enough sockets that the arrival rate, not the answers, sets the pace.
        connections: Math.min(1000, Math.max(50, Math.ceil(ratePerSecond * 3))),
        overallRate: Math.max(1, Math.round(ratePerSecond)),
        duration,
        timeout: 10,
        requests: [{ setupRequest: (request: autocannon.Request) => ({ ...request, path: paths() }) }],
      },
      (error, finished) => (error ? reject(error) : resolve(finished)),
    );
    instance.on('response', (_client: unknown, status: number, _bytes: number, time: number) => {
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      if (status === 200) servedTimes.push(time);
    });
  });
  const count = (predicate: (status: number) => boolean) => [...statuses].filter(([status]) => predicate(status)).reduce((sum, [, n]) => sum + n, 0);
  return {
    offeredRate: ratePerSecond,
    sent: result.requests.sent,
    served: servedTimes.length,
    servedP50: percentile(servedTimes, 50),
    servedP99: percentile(servedTimes, 99),
    busy: statuses.get(503) ?? 0,
    otherServerErrors: count((status) => status >= 500 && status !== 503),
    timeouts: result.timeouts,
    connectionErrors: result.errors - result.timeouts,
  };
}

const bodyOf = (words: number, seed: number) => ({
  type: 'doc',
  content: [
    {
      type: 'paragraph',
      content: [{ type: 'text', text: Array.from({ length: words }, (_, index) => ['students', 'council', 'budget', 'library', 'schedule', 'robotics'][(index + seed) % 6]).join(' ') + ` ${seed}.` }],
    },
  ],
});

interface Writer {
  client: SignedInClient;
  school: string;
  articleId: string;
  version: number;
  membershipId: string;
  acknowledged: { version: number; headline: string } | null;
  times: number[];
  failures: number;
}

async function writersFor(db: string, count: number, skip = 0): Promise<Writer[]> {
  // Reporters spread over the schools, each with a fresh draft of their own.
  const people = await withPgClient(db, async (client) => {
    const { rows } = await client.query<{ email: string; slug: string; membershipId: string; sectionId: string }>(
      `SELECT u.email, s.slug, m.id AS "membershipId", (SELECT id FROM sections WHERE "schoolId" = s.id ORDER BY position LIMIT 1) AS "sectionId"
       FROM memberships m JOIN users u ON u.id = m."userId" JOIN schools s ON s.id = m."schoolId"
       WHERE m.role = 'REPORTER' ORDER BY row_number() OVER (PARTITION BY s.id ORDER BY u.email), s.slug LIMIT $1 OFFSET $2`,
      [count, skip],
    );
    return rows;
  });
  return Promise.all(
    people.map(async (person) => {
      const client = await signInOverHttp(BASE, person.email, SCALE_PASSWORD);
      const created = await client.request('POST', `/api/schools/${person.slug}/articles`, { headline: `Draft by ${person.email}`, sectionId: person.sectionId });
      if (created.status !== 201) throw new Error(`creating a draft answered ${created.status}: ${JSON.stringify(created.json)}`);
      const { id, version } = created.json as { id: string; version: number };
      return { client, school: person.slug, articleId: id, version, membershipId: person.membershipId, acknowledged: null, times: [], failures: 0 };
    }),
  );
}

async function autosave(writer: Writer, round: number): Promise<void> {
  const headline = `Draft ${round} by ${writer.client.email}`;
  const saved = await writer.client.request('PUT', `/api/schools/${writer.school}/articles/${writer.articleId}`, {
    expectedVersion: writer.version,
    headline,
    deck: '',
    sectionId: null,
    tags: [],
    body: bodyOf(400 + (round % 50), round),
    bylines: [{ membershipId: writer.membershipId, title: 'Staff Writer' }],
  });
  if (saved.status !== 200) {
    writer.failures++;
    return;
  }
  writer.times.push(saved.ms);
  writer.version = (saved.json as { version: number }).version;
  writer.acknowledged = { version: writer.version, headline };
}

/** Each writer saves, then waits about `pauseMs` (each on its own clock, as people type) or not at all. */
async function writeUntil(writers: Writer[], stopAt: number, pauseMs: number): Promise<void> {
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  await Promise.all(
    writers.map(async (writer) => {
      if (pauseMs) await pause(Math.random() * pauseMs);
      for (let round = 1; Date.now() < stopAt; round++) {
        await autosave(writer, round);
        if (pauseMs) await pause(pauseMs * (0.5 + Math.random()));
      }
    }),
  );
}

async function savesPresent(db: string, writers: Writer[]): Promise<{ checked: number; missing: number }> {
  let missing = 0;
  await withPgClient(db, async (client) => {
    for (const writer of writers) {
      if (!writer.acknowledged) continue;
      const { rows } = await client.query<{ version: number; headline: string }>('SELECT version, headline FROM articles WHERE id = $1', [writer.articleId]);
      if (rows[0]?.version !== writer.acknowledged.version || rows[0]?.headline !== writer.acknowledged.headline) missing++;
    }
  });
  return { checked: writers.filter((writer) => writer.acknowledged).length, missing };
}

async function publishToVisible(db: string): Promise<{ publishMs: number; visibleMs: number }> {
  const { reporter, adviser, school, sectionId } = await withPgClient(db, async (client) => {
    const { rows } = await client.query<{ reporter: string; adviser: string; school: string; sectionId: string; reporterMembership: string }>(
      `SELECT s.slug AS school,
         (SELECT u.email FROM memberships m JOIN users u ON u.id = m."userId" WHERE m."schoolId" = s.id AND m.role = 'REPORTER' ORDER BY u.email DESC LIMIT 1) AS reporter,
         (SELECT u.email FROM memberships m JOIN users u ON u.id = m."userId" WHERE m."schoolId" = s.id AND m.role = 'ADVISER' LIMIT 1) AS adviser,
         (SELECT id FROM sections WHERE "schoolId" = s.id ORDER BY position LIMIT 1) AS "sectionId"
       FROM schools s ORDER BY s.slug LIMIT 1`,
    );
    return rows[0]!;
  });
  const author = await signInOverHttp(BASE, reporter, SCALE_PASSWORD);
  const editor = await signInOverHttp(BASE, adviser, SCALE_PASSWORD);
  const membershipId = await withPgClient(
    db,
    async (client) => (await client.query<{ id: string }>('SELECT m.id FROM memberships m JOIN users u ON u.id = m."userId" WHERE u.email = $1', [reporter])).rows[0]!.id,
  );
  const headline = `Bench publishes story ${Date.now()}`;
  const created = await author.request('POST', `/api/schools/${school}/articles`, { headline, sectionId });
  const { id, version } = created.json as { id: string; version: number };
  const saved = await author.request('PUT', `/api/schools/${school}/articles/${id}`, {
    expectedVersion: version,
    headline,
    deck: 'A deck.',
    sectionId,
    tags: [],
    body: bodyOf(300, 7),
    bylines: [{ membershipId, title: 'Staff Writer' }],
  });
  let current = (saved.json as { version: number }).version;
  for (const [client, action] of [
    [author, 'submit'],
    [editor, 'approve'],
  ] as const) {
    const moved = await client.request('POST', `/api/schools/${school}/articles/${id}/transitions`, { action, expectedVersion: current });
    if (moved.status !== 200) throw new Error(`${action} answered ${moved.status}: ${JSON.stringify(moved.json)}`);
    current = (moved.json as { version: number }).version;
  }
  // The feed is cached before publishing, so seeing the story there proves the cache let go.
  await fetch(`${BASE}/${school}/feed.xml`).then((response) => response.text());
  const started = performance.now();
  const published = await editor.request('POST', `/api/schools/${school}/articles/${id}/transitions`, { action: 'publish', expectedVersion: current });
  if (published.status !== 200) throw new Error(`publish answered ${published.status}: ${JSON.stringify(published.json)}`);
  const publishMs = performance.now() - started;
  const { slug } = (await withPgClient(db, (client) => client.query<{ slug: string }>('SELECT slug FROM articles WHERE id = $1', [id]))).rows[0]!;
  for (;;) {
    const [page, feed] = await Promise.all([fetch(`${BASE}/${school}/articles/${slug}`), fetch(`${BASE}/${school}/feed.xml`).then((response) => response.text())]);
    if (page.ok && feed.includes(headline)) break;
    if (performance.now() - started > 30_000) throw new Error('The published story did not appear within 30 s.');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return { publishMs, visibleMs: performance.now() - started };
}

interface ScriptWeight {
  external: number;
  inline: number;
  files: number;
}

async function scriptWeight(html: string): Promise<ScriptWeight> {
  const sources = [...new Set([...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((match) => match[1]!))];
  let external = 0;
  for (const source of sources) external += gzipSync(Buffer.from(await (await fetch(new URL(source, BASE))).arrayBuffer())).length;
  const inline = [...html.matchAll(/<script(?![^>]*\ssrc=)(?![^>]*application\/ld\+json)[^>]*>([\s\S]*?)<\/script>/g)].map((match) => match[1]!).join('');
  return { external, inline: inline ? gzipSync(Buffer.from(inline)).length : 0, files: sources.length };
}

/** What a reader's browser downloads, beside what Next builds for the route (seen by a request the
 * page cache does not serve) and the newsroom editor's weight. */
async function firstLoadJavaScript(pagePath: string, editor: SignedInClient, editorPath: string) {
  const served = await scriptWeight(await (await fetch(`${BASE}${pagePath}`)).text());
  const built = await scriptWeight(await (await fetch(`${BASE}${pagePath}`, { headers: { Cookie: 'next-auth.session-token=none' } })).text());
  const editorPage = await editor.request('GET', editorPath);
  const newsroom = editorPage.status === 200 ? await scriptWeight(String(editorPage.json)) : null;
  return { served, built, newsroom };
}

interface Statement {
  text: string;
  values: unknown[];
}

function statementsSince(logFile: string, offset: number): { statements: Statement[]; offset: number } {
  const content = existsSync(logFile) ? readFileSync(logFile, 'utf8') : '';
  // The statements that read or write data; the framing of the per-school transactions (BEGIN,
  // the tenant setting, COMMIT) and the connection's role switch are not queries of the page.
  const statements = content
    .slice(offset)
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Statement)
    .filter((statement) => !/^\s*(BEGIN|COMMIT|ROLLBACK|SELECT set_config\('masthead\.tenant'|DO \$\$)/i.test(statement.text));
  return { statements, offset: content.length };
}

interface QueryCount {
  page: string;
  first: number;
  repeat: number;
  plans: { statement: string; scans: string[]; ms: number }[];
}

async function countQueries(db: string, pages: Record<string, string>): Promise<QueryCount[]> {
  const logFile = path.join(projectRoot, '.data/bench/sql.log');
  rmSync(logFile, { force: true });
  const server = await startServer(db, { MASTHEAD_SQL_LOG: logFile, MASTHEAD_BACKGROUND: 'off' });
  const counts: QueryCount[] = [];
  try {
    let offset = statementsSince(logFile, 0).offset;
    for (const [page, pagePath] of Object.entries(pages)) {
      await fetch(`${BASE}${pagePath}`).then((response) => response.arrayBuffer());
      const first = statementsSince(logFile, offset);
      // The same page again, past the page cache (another address): only the data cache helps.
      await fetch(`${BASE}${pagePath}${pagePath.includes('?') ? '&' : '?'}again=1`).then((response) => response.arrayBuffer());
      const repeat = statementsSince(logFile, first.offset);
      offset = repeat.offset;
      const plans = await withPgClient(db, async (client) => {
        const explained = [];
        for (const statement of first.statements.filter((entry) => /^\s*(SELECT|WITH)/i.test(entry.text))) {
          const { rows } = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, FORMAT TEXT) ${statement.text}`, statement.values);
          const plan = rows.map((row) => row['QUERY PLAN']);
          const scans = [...new Set(plan.flatMap((line) => /((?:Parallel )?(?:Seq Scan|Index Scan|Index Only Scan|Bitmap Index Scan|Bitmap Heap Scan)(?: using \S+)? on \S+)/.exec(line)?.[1] ?? []))];
          const ms = Number(/Execution Time: ([\d.]+)/.exec(plan.join('\n'))?.[1] ?? NaN);
          explained.push({ statement: statement.text.replace(/\s+/g, ' ').slice(0, 140), scans, ms });
        }
        return explained;
      });
      counts.push({ page, first: first.statements.length, repeat: repeat.statements.length, plans });
    }
  } finally {
    await server.stop();
  }
  return counts;
}

// ---------------------------------------------------------------------------------------------
// One dataset
// ---------------------------------------------------------------------------------------------

interface DatasetResult {
  articles: number;
  schools: number;
  pages: Record<string, { app: Load; reference: Load; ratio: number }>;
  rendered: Load;
  search: { p50: number; p95: number; failures: number; reference: { p50: number; p95: number } };
  autosave: { p50: number; p95: number; saves: number; failures: number; saturated: { p50: number; p95: number; saves: number; failures: number }; reference: Load };
  publish: { publishMs: number; visibleMs: number };
  javascript: Awaited<ReturnType<typeof firstLoadJavaScript>>;
  queries: QueryCount[];
  mixed: { readers: Load; readerReference: Load; saves: number; writerFailures: number; checked: number; missing: number };
  overload: Overload & { saves: number; writerFailures: number; checked: number; missing: number };
}

async function measureDataset(adminUrl: string, articles: number): Promise<DatasetResult> {
  const db = await prepareDataset(adminUrl, articles);
  const sample = await withPgClient(db, async (client) => {
    const school = (await client.query<{ id: string; slug: string }>('SELECT id, slug FROM schools ORDER BY slug LIMIT 1')).rows[0]!;
    const article = (await client.query<{ slug: string }>(`SELECT slug FROM articles WHERE "schoolId" = $1 AND "publishedRevisionId" IS NOT NULL ORDER BY "publishedAt" DESC LIMIT 1`, [school.id]))
      .rows[0]!;
    const section = (await client.query<{ slug: string }>('SELECT slug FROM sections WHERE "schoolId" = $1 ORDER BY position LIMIT 1', [school.id])).rows[0]!;
    const edition = (await client.query<{ volume: number; number: number }>(`SELECT volume, number FROM editions WHERE "schoolId" = $1 ORDER BY "issueDate" DESC LIMIT 1`, [school.id])).rows[0];
    const reporter = (await client.query<{ slug: string }>(`SELECT slug FROM memberships WHERE "schoolId" = $1 AND role = 'REPORTER' ORDER BY slug LIMIT 1`, [school.id])).rows[0]!;
    const readerPaths = (
      await client.query<{ path: string }>(
        `SELECT '/' || s.slug || '/articles/' || a.slug AS path FROM articles a JOIN schools s ON s.id = a."schoolId" WHERE a."publishedRevisionId" IS NOT NULL ORDER BY md5(a.id) LIMIT 2000`,
      )
    ).rows.map((row) => row.path);
    const schools = (await client.query<{ slug: string }>('SELECT slug FROM schools ORDER BY slug')).rows.map((row) => row.slug);
    return { school: school.slug, article: article.slug, section: section.slug, edition, reporter: reporter.slug, readerPaths, schools };
  });
  const pages = {
    article: `/${sample.school}/articles/${sample.article}`,
    front: `/${sample.school}`,
    section: `/${sample.school}/sections/${sample.section}`,
  };

  log(`${articles}: counting queries per reader page and explaining them…`);
  const queries = await countQueries(db, {
    ...pages,
    ...(sample.edition ? { issue: `/${sample.school}/issues/${sample.edition.volume}/${sample.edition.number}` } : {}),
    staff: `/${sample.school}/staff/${sample.reporter}`,
    search: `/${sample.school}/search?q=budget+library`,
    feed: `/${sample.school}/feed.xml`,
  });

  const server = await startServer(db);
  try {
    const pageResults: DatasetResult['pages'] = {};
    for (const [name, pagePath] of Object.entries(pages)) {
      log(`${articles}: ${name} page against the static baseline…`);
      pageResults[name] = await pageAgainstStatic(pagePath);
    }
    log(`${articles}: article pages rendered on every request (page cache bypassed)…`);
    let renderCounter = 0;
    // 20 connections: the reader lane runs 6 renders and queues the rest for up to a second, so more
    // would measure refusals rather than renders.
    const rendered = await load(BASE, 20, DURATION, () => `${pages.article}?render=${renderCounter++}`);

    log(`${articles}: search…`);
    const words = ['budget', 'library', 'robotics', 'election', 'parking', 'theater', 'scholarship', 'renovation', 'cafeteria', 'championship', 'volunteers', 'graduation'];
    const searches = Array.from(
      { length: 200 },
      (_, index) => `/${sample.schools[index % sample.schools.length]}/search?q=${words[index % words.length]}+${words[(index * 7 + 3) % words.length]}&n=${index}`,
    );
    await sequentialLatencies(searches.slice(0, 10));
    const search = await sequentialLatencies(searches);
    const html = Buffer.from(await (await fetch(`${BASE}${pages.article}`)).arrayBuffer());
    const reference = await startStaticServer(html, 'text/html; charset=utf-8');
    const searchReference = await (async () => {
      const times: number[] = [];
      for (let index = 0; index < 200; index++) {
        const started = performance.now();
        await (await fetch(reference.url)).arrayBuffer();
        times.push(performance.now() - started);
      }
      return { p50: percentile(times, 50), p95: percentile(times, 95) };
    })();

    log(`${articles}: autosave with 20 writers…`);
    const writers = await writersFor(db, 20);
    const savesOf = () => {
      const times = writers.flatMap((writer) => writer.times);
      const result = { p50: percentile(times, 50), p95: percentile(times, 95), saves: times.length, failures: writers.reduce((sum, writer) => sum + writer.failures, 0) };
      for (const writer of writers) {
        writer.times = [];
        writer.failures = 0;
      }
      return result;
    };
    // As the editor saves (a second after typing stops), then as fast as the server answers.
    await writeUntil(writers, Date.now() + DURATION * 1000, 1000);
    const editorPace = savesOf();
    await writeUntil(writers, Date.now() + DURATION * 1000, 0);
    const saturated = savesOf();
    const autosaveResult = { ...editorPace, saturated, reference: await load(reference.url, 20, Math.max(3, DURATION / 2)) };

    log(`${articles}: publish → visible…`);
    const publish = await publishToVisible(db);

    log(`${articles}: first-load JavaScript…`);
    const javascript = await firstLoadJavaScript(pages.article, writers[0]!.client, `/${writers[0]!.school}/newsroom/articles/${writers[0]!.articleId}`);

    log(`${articles}: mixed load, 100 readers and 10 writers for ${MIXED_DURATION} s…`);
    const mixedWriters = await writersFor(db, 10, 20);
    const readerReference = await load(reference.url, 100, Math.max(3, DURATION / 2));
    await reference.close();
    let readerIndex = 0;
    const stopAt = Date.now() + MIXED_DURATION * 1000;
    const [readers] = await Promise.all([
      load(BASE, 100, MIXED_DURATION, () => sample.readerPaths[readerIndex++ % sample.readerPaths.length]!),
      // A writer's editor autosaves about once a second while its reporter types.
      writeUntil(mixedWriters, stopAt, 1000),
    ]);
    const present = await savesPresent(db, mixedWriters);

    log(`${articles}: overload, 4× the uncached capacity (${Math.round(rendered.rps * 4)} req/s) for ${OVERLOAD_DURATION} s, with 10 writers…`);
    const overloadWriters = await writersFor(db, 10, 30);
    let overloadIndex = 0;
    const [overloaded] = await Promise.all([
      overload(rendered.rps * 4, OVERLOAD_DURATION, () => `${sample.readerPaths[overloadIndex % sample.readerPaths.length]!}?overload=${overloadIndex++}`),
      writeUntil(overloadWriters, Date.now() + OVERLOAD_DURATION * 1000, 1000),
    ]);
    const overloadSaves = await savesPresent(db, overloadWriters);
    return {
      articles,
      schools: schoolsFor(articles),
      pages: pageResults,
      rendered,
      search: { ...search, reference: searchReference },
      autosave: autosaveResult,
      publish,
      javascript,
      queries,
      mixed: {
        readers,
        readerReference,
        saves: mixedWriters.reduce((sum, writer) => sum + writer.times.length, 0),
        writerFailures: mixedWriters.reduce((sum, writer) => sum + writer.failures, 0),
        ...present,
      },
      overload: {
        ...overloaded,
        saves: overloadWriters.reduce((sum, writer) => sum + writer.times.length, 0),
        writerFailures: overloadWriters.reduce((sum, writer) => sum + writer.failures, 0),
        ...overloadSaves,
      },
    };
  } finally {
    await server.stop();
  }
}

// ---------------------------------------------------------------------------------------------
// The report
// ---------------------------------------------------------------------------------------------

const ms = (value: number) => `${round(value, 1)} ms`;
const kb = (bytes: number) => `${round(bytes / 1024, 1)} KB`;
const mark = (ok: boolean) => (ok ? 'met' : '**missed**');

function report(results: DatasetResult[], machine: Record<string, string>, startedAt: Date, seconds: number): string {
  const heads = results.map((result) => `${result.articles.toLocaleString('en')} articles`);
  const lines: string[] = [];
  const row = (label: string, cells: string[], target = '') => lines.push(`| ${label} | ${cells.join(' | ')} | ${target} |`);
  lines.push('| Figure | ' + heads.join(' | ') + ' | Target |', '|---|' + heads.map(() => '---|').join('') + '---|');
  for (const name of ['article', 'front', 'section']) {
    row(
      `${name} page req/s (static baseline, same run)`,
      results.map((result) => `${Math.round(result.pages[name]!.app.rps)} (${Math.round(result.pages[name]!.reference.rps)}) = **${round(result.pages[name]!.ratio, 2)}×**`),
      name === 'article' ? `≥ 0.5×: ${results.map((result) => mark(result.pages.article!.ratio >= 0.5)).join(', ')}` : '',
    );
    row(
      `${name} page p50 / p99 at 50 connections (static)`,
      results.map((result) => `${result.pages[name]!.app.p50} / ${result.pages[name]!.app.p99} ms (${result.pages[name]!.reference.p50} / ${result.pages[name]!.reference.p99} ms)`),
      name === 'article' ? `p99 < 50 ms: ${results.map((result) => mark(result.pages.article!.app.p99 < 50)).join(', ')}` : '',
    );
  }
  row(
    'article page rendered on every request (page cache bypassed): req/s, p50 / p99',
    results.map((result) => `${Math.round(result.rendered.rps)}, ${result.rendered.p50} / ${result.rendered.p99} ms`),
  );
  row(
    'search p50 / p95, 200 ranked queries, one at a time (static page fetch)',
    results.map((result) => `${ms(result.search.p50)} / ${ms(result.search.p95)} (${ms(result.search.reference.p50)} / ${ms(result.search.reference.p95)})`),
    `p95 < 50 ms: ${results.map((result) => mark(result.search.p95 < 50)).join(', ')}`,
  );
  row(
    'autosave round trip p50 / p95, 20 writers each saving once a second, as the editor does (static at 20 connections, p50 / p99)',
    results.map(
      (result) =>
        `${ms(result.autosave.p50)} / ${ms(result.autosave.p95)}, ${result.autosave.saves} saves, ${result.autosave.failures} failed (${result.autosave.reference.p50} / ${result.autosave.reference.p99} ms)`,
    ),
    `p95 < 100 ms: ${results.map((result) => mark(result.autosave.p95 < 100)).join(', ')}`,
  );
  row(
    'autosave round trip p50 / p95, 20 writers saving back to back (the server saturated)',
    results.map(
      (result) =>
        `${ms(result.autosave.saturated.p50)} / ${ms(result.autosave.saturated.p95)}, ${result.autosave.saturated.saves} saves (${round(result.autosave.saturated.saves / DURATION, 0)}/s), ${result.autosave.saturated.failures} failed`,
    ),
  );
  row(
    'publish → article page and feed show it (the publish request alone)',
    results.map((result) => `${ms(result.publish.visibleMs)} (${ms(result.publish.publishMs)})`),
    `< 2 s: ${results.map((result) => mark(result.publish.visibleMs < 2000)).join(', ')}`,
  );
  row(
    'article page first-load JavaScript sent to readers, gzip (as Next builds the route; the newsroom editor)',
    results.map(
      (result) =>
        `${kb(result.javascript.served.external + result.javascript.served.inline)} in ${result.javascript.served.files} files (${kb(result.javascript.built.external)} + ${kb(result.javascript.built.inline)} inline in ${result.javascript.built.files} files; editor ${result.javascript.newsroom ? kb(result.javascript.newsroom.external) : 'n/a'})`,
    ),
    `≤ 100 KB: ${results.map((result) => mark(result.javascript.served.external + result.javascript.served.inline <= 100 * 1024)).join(', ')}`,
  );
  for (const page of results[0]!.queries.map((count) => count.page)) {
    row(
      `SQL statements, ${page} page: first render after start / again`,
      results.map((result) => {
        const count = result.queries.find((entry) => entry.page === page);
        return count ? `${count.first} / ${count.repeat}` : 'n/a';
      }),
      page === 'article' || page === 'front' || page === 'section' ? `≤ 3: ${results.map((result) => mark((result.queries.find((entry) => entry.page === page)?.first ?? 99) <= 3)).join(', ')}` : '',
    );
  }
  row(
    'mixed load: reader req/s, p99, quick 503s (first views of 2,000 uncached pages by 100 connections that retry at once), other errors (static at 100 connections)',
    results.map(
      (result) =>
        `${Math.round(result.mixed.readers.rps)}, ${result.mixed.readers.p99} ms, ${result.mixed.readers.busy} × 503, ${result.mixed.readers.errors} errors (${Math.round(result.mixed.readerReference.rps)} req/s)`,
    ),
    `0 errors other than 503: ${results.map((result) => mark(result.mixed.readers.errors === 0 && result.mixed.writerFailures === 0)).join(', ')}`,
  );
  row(
    'mixed load: acknowledged saves, failed saves, saves missing afterwards',
    results.map((result) => `${result.mixed.saves}, ${result.mixed.writerFailures}, ${result.mixed.missing} of ${result.mixed.checked} writers' last saves missing`),
    `0 lost: ${results.map((result) => mark(result.mixed.missing === 0)).join(', ')}`,
  );

  row(
    'overload: 4× the uncached capacity, new addresses only: offered req/s; served, their p50 / p99; quick 503s with Retry-After; other 5xx; unanswered after 10 s',
    results.map(
      (result) =>
        `${Math.round(result.overload.offeredRate)}/s (${result.overload.sent} sent); ${result.overload.served} served, ${Math.round(result.overload.servedP50)} / ${Math.round(result.overload.servedP99)} ms; ${result.overload.busy} × 503; ${result.overload.otherServerErrors} other 5xx; ${result.overload.timeouts} unanswered`,
    ),
    `served p99 ≤ 2 s, 0 other 5xx, 0 unanswered: ${results.map((result) => mark(result.overload.servedP99 <= 2000 && result.overload.otherServerErrors === 0 && result.overload.timeouts === 0)).join(', ')}`,
  );
  row(
    'overload: 10 writers saving once a second during it: acknowledged saves, failed saves, saves missing afterwards',
    results.map((result) => `${result.overload.saves}, ${result.overload.writerFailures}, ${result.overload.missing} of ${result.overload.checked} writers' last saves missing`),
    `0 lost: ${results.map((result) => mark(result.overload.missing === 0)).join(', ')}`,
  );

  const scaling: string[] = [];
  if (results.length >= 2) {
    const [small, large] = [results[0]!, results.at(-1)!];
    const compare = (label: string, a: number, b: number) => scaling.push(`| ${label} | ${round(a, 1)} | ${round(b, 1)} | ${round((b / a - 1) * 100, 0)}% | ${mark(Math.abs(b / a - 1) <= 0.2)} |`);
    scaling.push(`| Figure | ${small.articles.toLocaleString('en')} | ${large.articles.toLocaleString('en')} | change | within 20% |`, '|---|---|---|---|---|');
    for (const name of ['article', 'front', 'section']) compare(`${name} page req/s`, small.pages[name]!.app.rps, large.pages[name]!.app.rps);
    compare('article page rendered req/s', small.rendered.rps, large.rendered.rps);
    compare('search p95 (ms)', small.search.p95, large.search.p95);
    compare('autosave p95 (ms)', small.autosave.p95, large.autosave.p95);
    compare('publish → visible (ms)', small.publish.visibleMs, large.publish.visibleMs);
  }

  const plans = results
    .at(-1)!
    .queries.flatMap((count) =>
      count.plans.map((plan) => `| ${count.page} | \`${plan.statement.replace(/\|/g, '\\|')}…\` | ${plan.scans.join('; ') || '(no table scan)'} | ${round(plan.ms, 2)} ms |`),
    );
  return `# Benchmarks

Generated by \`npm run bench\` on ${startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC in ${Math.round(seconds / 60)} min. Do not edit by hand: run it again.

## Machine
${Object.entries(machine)
  .map(([key, value]) => `- ${key}: ${value}`)
  .join('\n')}

## Data
Generated by \`npm run seed:scale\` (seed ${SEED}): ${results.map((result) => `${result.articles.toLocaleString('en')} published articles in ${result.schools} schools`).join('; ')}. Each school has 5 sections, 24 members, articles of 450–1,000 words (subheads, a quotation), one published revision each, bylines, a publish event, and issues of ten articles. Every run measures a fresh copy of the generated database.

## How
- \`npm run bench\` (all of it), or \`npm run bench -- --sizes 1000 --no-build\` for a quick look; \`npm run seed:scale -- --schools 200 --articles 100000\` fills any empty database (DATABASE_URL) on its own.
- The app runs as in production: \`next build\`, then \`npm start\`'s server (Next behind the reader page cache) on the embedded PostgreSQL.
- Load: autocannon, ${DURATION} s per figure at the stated connections, from the same machine (the load generator shares the 2 cores with the server and the database).
- The static baseline is a plain Node \`http\` server answering every request with the bytes the app served for that page, started in the same run.
- Reader pages are cached as finished bytes until the school's content changes (a PostgreSQL NOTIFY from the publishing transaction); "rendered on every request" bypasses that cache with a unique query string and shows the cost of a render.
- Overload: the uncached capacity is the "rendered on every request" figure; the overload run offers four times that rate (autocannon's fixed overall rate, enough connections that arrivals rather than answers set the pace) for ${OVERLOAD_DURATION} s, every request to an address never seen before, while 10 writers autosave once a second. The production server admits renders through two lanes (lib/serving/admission.ts): readers wait at most 0.75 s for one of 4 slots and otherwise get a 503 with Retry-After at once; newsroom work has 8 slots of its own.
- SQL statements are counted by the server itself (MASTHEAD_SQL_LOG) on a fresh start: "first" is the first request after start, "again" is the same page under another address (page cache missed, data cache warm).

## Results
${lines.join('\n')}

## Between the dataset sizes
${scaling.length ? scaling.join('\n') : 'Only one size was run.'}

## Query plans (${results.at(-1)!.articles.toLocaleString('en')} articles, first render of each page)
| Page | Statement | Scans | Time |
|---|---|---|---|
${plans.join('\n')}
`;
}

async function main(): Promise<void> {
  const startedAt = new Date();
  const database = await startEmbeddedDatabase({ dataDir: path.join(projectRoot, '.data/bench/pg'), port: Number(process.env.MASTHEAD_BENCH_PG_PORT ?? 54398), database: 'postgres' });
  try {
    await build();
    const results: DatasetResult[] = [];
    for (const size of SIZES) results.push(await measureDataset(database.url, size));
    const postgres = await withPgClient(database.url, async (client) => (await client.query<{ version: string }>('SELECT version()')).rows[0]!.version);
    const machine = {
      CPU: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown'}`,
      Memory: `${Math.round(os.totalmem() / 2 ** 30)} GiB`,
      Node: process.version,
      PostgreSQL: postgres.split(',')[0]!,
      OS: `${os.type()} ${os.release()}`,
    };
    const markdown = report(results, machine, startedAt, (Date.now() - startedAt.getTime()) / 1000);
    // The sections the wrk benches write (bench:render, bench:audience) are theirs: kept as they are.
    const file = path.join(projectRoot, 'docs/BENCHMARKS.md');
    const theirs = existsSync(file) ? [...readFileSync(file, 'utf8').matchAll(/\n## (?:Uncached reader pages|Audience counting)[\s\S]*?(?=\n## |$)/g)].map((match) => match[0]) : [];
    writeFileSync(file, `${markdown.trimEnd()}\n${theirs.join('').trimEnd()}\n`);
    writeFileSync(path.join(projectRoot, '.data/bench/results.json'), JSON.stringify(results, null, 2));
    console.log(markdown);
  } finally {
    await database.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
