// `npm run bench`: a production build on generated data of three sizes (1,000, 100,000 and
// 1,000,000 articles), measured with wrk in its own process, each figure beside a reference taken in
// the same run (a Node static server and nginx sending the same bytes, the framework's floor),
// written to docs/BENCHMARKS.md. The datasets are generated once per seed and generator version into
// template databases in .data/bench (the generation is timed); every run measures a fresh copy, so
// runs do not drift.
//   --sizes 1000,100000,1000000   which dataset sizes to run (articles; schools scale with them)
//   --no-build            reuse the last build in .next-bench
//   --duration 10         seconds per load test (the mixed load runs 60)
//   --prepare-only        generate the datasets (timed) and stop
import autocannon from 'autocannon';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { againstFloor, eachOnce, freshFetch, mean, BENCH_DIST_DIR, buildForBench, startBenchServer, wrk, type AgainstFloor, type BenchServer, type WrkRun } from './lib/bench-server.ts';
import { databaseUrlFor, projectRoot, startEmbeddedDatabase, withPgClient } from './lib/database.ts';
import { signInOverHttp, type SignedInClient } from './lib/http-client.ts';
import { applyMigrations } from './lib/prisma-cli.ts';
import { SCALE_GENERATOR_VERSION, SCALE_PASSWORD, seedScale } from './seed-scale.ts';

const PORT = 3400;
const BASE = `http://127.0.0.1:${PORT}`;
const SEED = 1;
const argument = (name: string) => {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? undefined : process.argv[index + 1];
};
const SIZES = (argument('sizes') ?? '1000,100000,1000000').split(',').map(Number);
const DURATION = Number(argument('duration') ?? 10);
const MIXED_DURATION = Number(argument('mixed-duration') ?? 60);
const OVERLOAD_DURATION = Number(argument('overload-duration') ?? 30);
const log = (line: string) => console.log(`[bench] ${line}`);

// About 500 articles a school (2,000 schools at 1M), one of them with 5,000 (a paper with a long
// archive) wherever the dataset is big enough: the newsroom figures are measured there.
const schoolsFor = (articles: number) => Math.max(10, Math.round(articles / 500));
const LARGEST_SCHOOL = 5000;
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : NaN;
};
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
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

interface Dataset {
  url: string;
  generationSeconds: number;
}

async function prepareDataset(adminUrl: string, articles: number): Promise<Dataset> {
  const template = `bench_template_${articles}`;
  const generated = `seed:scale v${SCALE_GENERATOR_VERSION} seed ${SEED} schools ${schoolsFor(articles)} articles ${articles} largest ${LARGEST_SCHOOL}`;
  const marker = `${generated} schema ${latestMigration()}`;
  const existing = await withPgClient(adminUrl, async (client) => {
    const { rows } = await client.query<{ description: string | null }>(`SELECT shobj_description(oid, 'pg_database') AS description FROM pg_database WHERE datname = $1`, [template]);
    return rows[0]?.description ?? '';
  });
  let generationSeconds = Number(/; generated in (\d+) s$/.exec(existing)?.[1]);
  if (existing.startsWith(`${generated} schema `) && !existing.startsWith(`${marker};`)) {
    // Same data, newer migrations: the template is upgraded as a production database would be,
    // instead of generated again (11 minutes at 1M articles).
    log(`${articles.toLocaleString('en')} articles: applying new migrations to the dataset…`);
    await applyMigrations(databaseUrlFor(adminUrl, template), { quiet: true });
    await withPgClient(adminUrl, (client) => client.query(`COMMENT ON DATABASE ${template} IS '${marker}; generated in ${generationSeconds} s'`));
  } else if (!existing.startsWith(`${marker};`)) {
    log(`generating ${articles.toLocaleString('en')} articles in ${schoolsFor(articles)} schools (once per seed and schema)…`);
    await withPgClient(adminUrl, async (client) => {
      await client.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
      await client.query(`CREATE DATABASE ${template}`);
    });
    const templateUrl = databaseUrlFor(adminUrl, template);
    const started = Date.now();
    await applyMigrations(templateUrl, { quiet: true });
    await seedScale(templateUrl, { schools: schoolsFor(articles), articles, seed: SEED, largestSchool: LARGEST_SCHOOL, log });
    generationSeconds = Math.round((Date.now() - started) / 1000);
    await withPgClient(adminUrl, (client) => client.query(`COMMENT ON DATABASE ${template} IS '${marker}; generated in ${generationSeconds} s'`));
  }
  const run = `bench_run_${articles}`;
  await withPgClient(adminUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${run} WITH (FORCE)`);
    if (!process.argv.includes('--prepare-only')) await client.query(`CREATE DATABASE ${run} TEMPLATE ${template}`);
  });
  return { url: databaseUrlFor(adminUrl, run), generationSeconds };
}

/** Starts the production server on `databaseUrl` as `npm start` would. */
function startServer(databaseUrl: string, extraEnv: Record<string, string> = {}): Promise<BenchServer> {
  return startBenchServer({ port: PORT, databaseUrl, env: { MASTHEAD_SCHEDULER_INTERVAL_MS: '1000', ...extraEnv } });
}

interface SavedPage {
  body: Buffer;
  headers: Record<string, string>;
}

/** A page exactly as a browser asking for gzip receives it, headers and all (fetch would unpack it). */
function savedPage(url: string, headers: Record<string, string> = {}): Promise<SavedPage> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { 'accept-encoding': 'gzip', ...headers } }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          if (response.statusCode !== 200) return reject(new Error(`${url} answered ${response.statusCode}`));
          // Every header the app sent, so the references send the same bytes; the server writes its own
          // Date, Connection and Content-Length.
          const kept = Object.fromEntries(
            Object.entries(response.headers).flatMap(([name, value]) =>
              ['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding'].includes(name) || value === undefined ? [] : [[name, String(value)]],
            ),
          );
          resolve({ body: Buffer.concat(chunks), headers: kept });
        });
      })
      .on('error', reject);
  });
}

interface Reference {
  url: string;
  close(): Promise<void>;
}

/** The first reference: a plain Node `http` server, in a process of its own as the app is, answering
 * every request with the same saved bytes and headers. */
const STATIC_SERVER = `
const http = require('node:http');
const body = require('node:fs').readFileSync(process.argv[1]);
const headers = { ...JSON.parse(process.argv[2]), 'Content-Length': body.length };
const server = http.createServer((request, response) => {
  response.writeHead(200, headers);
  response.end(body);
});
server.listen(0, '127.0.0.1', () => console.log(server.address().port));`;

async function startStaticServer(page: SavedPage): Promise<Reference> {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'masthead-static-'));
  writeFileSync(path.join(folder, 'page'), page.body);
  const child = spawn(process.execPath, ['-e', STATIC_SERVER, path.join(folder, 'page'), JSON.stringify(page.headers)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<string>((resolve, reject) => {
    child.stdout!.once('data', (data: Buffer) => resolve(data.toString().trim()));
    child.once('exit', () => reject(new Error('The static server did not start.')));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      child.kill();
      await new Promise((resolve) => child.once('exit', resolve));
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

const NGINX_PORT = 3409;

/** The second reference, where Debian's nginx is installed: one worker process (the app is one
 * process too) serving the same saved bytes and headers (nginx adds its own Server header). */
async function startNginx(page: SavedPage): Promise<Reference | null> {
  if (spawnSync('nginx', ['-v']).error) return null;
  const folder = mkdtempSync(path.join(os.tmpdir(), 'masthead-nginx-'));
  writeFileSync(path.join(folder, 'page'), page.body);
  const headers = Object.entries(page.headers)
    .filter(([name]) => name !== 'content-type')
    .map(([name, value]) => `add_header ${name} "${value.replace(/[\\"]/g, '\\$&')}" always;`)
    .join(' ');
  writeFileSync(
    path.join(folder, 'nginx.conf'),
    `daemon off; worker_processes 1; pid ${folder}/nginx.pid; error_log ${folder}/error.log;${process.getuid?.() === 0 ? ' user root;' : ''}
events { worker_connections 1024; }
http {
  access_log off;
  server {
    listen 127.0.0.1:${NGINX_PORT};
    location / { root ${folder}; rewrite ^ /page break; types { } default_type "${page.headers['content-type'] ?? 'text/html'}"; ${headers} }
  }
}
`,
  );
  const child = spawn('nginx', ['-c', path.join(folder, 'nginx.conf'), '-p', folder], { stdio: 'ignore' });
  const url = `http://127.0.0.1:${NGINX_PORT}`;
  for (
    let attempt = 0;
    !(await freshFetch(url).then(
      (response) => response.ok,
      () => false,
    ));
    attempt++
  ) {
    if (attempt > 100 || child.exitCode !== null) throw new Error(`nginx did not start: ${readFileSync(path.join(folder, 'error.log'), 'utf8')}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    url,
    close: async () => {
      child.kill('SIGQUIT');
      await new Promise((resolve) => child.once('exit', resolve));
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

const GZIP = 'Accept-Encoding: gzip';

interface CacheHit {
  app: WrkRun;
  node: WrkRun;
  nginx: WrkRun | null;
  ratio: number;
}

/** A reader page served from the page cache against the same gzipped bytes from a plain Node server
 * and from nginx: wrk, 2 threads × 50 connections, the three alternating, twice each. */
async function cacheHitAgainstStatic(pagePath: string): Promise<CacheHit> {
  const page = await savedPage(`${BASE}${pagePath}`);
  const node = await startStaticServer(page);
  const nginx = await startNginx(page);
  const run = (url: string, seconds = DURATION) => wrk(url, { connections: 50, seconds, headers: [GZIP] });
  try {
    run(`${BASE}${pagePath}`, 2);
    const runs: { app: WrkRun[]; node: WrkRun[]; nginx: WrkRun[] } = { app: [], node: [], nginx: [] };
    for (let round = 0; round < 2; round++) {
      runs.node.push(run(node.url + pagePath));
      if (nginx) runs.nginx.push(run(nginx.url + pagePath));
      runs.app.push(run(`${BASE}${pagePath}`));
    }
    const combined = (list: WrkRun[]): WrkRun => ({
      rps: mean(list.map((one) => one.rps)),
      requests: list.reduce((sum, one) => sum + one.requests, 0),
      refused: list.reduce((sum, one) => sum + one.refused, 0),
      timeouts: list.reduce((sum, one) => sum + one.timeouts, 0),
      p50Ms: mean(list.map((one) => one.p50Ms)),
      p95Ms: Math.max(...list.map((one) => one.p95Ms)),
      p99Ms: Math.max(...list.map((one) => one.p99Ms)),
    });
    const app = combined(runs.app);
    const reference = combined(runs.node);
    return { app, node: reference, nginx: nginx ? combined(runs.nginx) : null, ratio: app.rps / reference.rps };
  } finally {
    await node.close();
    await nginx?.close();
  }
}

/** `people` clients, each asking for one of `paths` and then pausing about `pauseMs` (each on its
 * own clock, as people do), until `seconds` have passed: every answer's time. */
async function pacedLatencies(base: string, paths: readonly string[], people: number, pauseMs: number, seconds: number, headers: Record<string, string> = {}) {
  const times: number[] = [];
  let failures = 0;
  let next = 0;
  const stopAt = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: people }, async () => {
      await pause(Math.random() * pauseMs);
      while (Date.now() < stopAt) {
        const started = performance.now();
        const response = await fetch(`${base}${paths[next++ % paths.length]}`, { headers });
        await response.arrayBuffer();
        times.push(performance.now() - started);
        if (!response.ok) failures++;
        await pause(pauseMs * (0.5 + Math.random()));
      }
    }),
  );
  return { p50: percentile(times, 50), p95: percentile(times, 95), count: times.length, failures };
}

interface Load {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  busy: number;
}

/** autocannon, only where the figure is about refusals (503s counted apart) rather than speed. */
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
  await freshFetch(`${BASE}/${school}/feed.xml`).then((response) => response.text());
  const started = performance.now();
  const published = await editor.request('POST', `/api/schools/${school}/articles/${id}/transitions`, { action: 'publish', expectedVersion: current });
  if (published.status !== 200) throw new Error(`publish answered ${published.status}: ${JSON.stringify(published.json)}`);
  const publishMs = performance.now() - started;
  const { slug } = (await withPgClient(db, (client) => client.query<{ slug: string }>('SELECT slug FROM articles WHERE id = $1', [id]))).rows[0]!;
  for (;;) {
    const [page, feed] = await Promise.all([freshFetch(`${BASE}/${school}/articles/${slug}`), freshFetch(`${BASE}/${school}/feed.xml`).then((response) => response.text())]);
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
  for (const source of sources) external += gzipSync(Buffer.from(await (await freshFetch(new URL(source, BASE))).arrayBuffer())).length;
  const inline = [...html.matchAll(/<script(?![^>]*\ssrc=)(?![^>]*application\/ld\+json)[^>]*>([\s\S]*?)<\/script>/g)].map((match) => match[1]!).join('');
  return { external, inline: inline ? gzipSync(Buffer.from(inline)).length : 0, files: sources.length };
}

/** What a reader's browser downloads, beside what Next builds for the route (seen by a request the
 * page cache does not serve) and the newsroom editor's weight. */
async function firstLoadJavaScript(pagePath: string, editor: SignedInClient, editorPath: string) {
  const served = await scriptWeight(await (await freshFetch(`${BASE}${pagePath}`)).text());
  const built = await scriptWeight(await (await freshFetch(`${BASE}${pagePath}`, { headers: { Cookie: 'next-auth.session-token=none' } })).text());
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
      await freshFetch(`${BASE}${pagePath}`).then((response) => response.arrayBuffer());
      const first = statementsSince(logFile, offset);
      // The same page again, past the page cache (another address): only the data cache helps.
      await freshFetch(`${BASE}${pagePath}${pagePath.includes('?') ? '&' : '?'}again=1`).then((response) => response.arrayBuffer());
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

interface NewsroomPage {
  app: WrkRun;
  reference: WrkRun;
}

interface DatasetResult {
  articles: number;
  schools: number;
  generationSeconds: number;
  cacheHits: Record<string, CacheHit>;
  uncached: Record<string, AgainstFloor>;
  search: {
    paced: { p50: number; p95: number; count: number; failures: number };
    firstPass: { p50: number; p95: number; failures: number };
    pacedReference: { p50: number; p95: number };
    saturated: WrkRun & { cpuMs: number };
  };
  newsroom: Record<string, NewsroomPage>;
  newsroomArticles: number;
  autosave: { p50: number; p95: number; saves: number; failures: number; saturated: { p50: number; p95: number; saves: number; failures: number } };
  publish: { publishMs: number; visibleMs: number };
  javascript: Awaited<ReturnType<typeof firstLoadJavaScript>>;
  queries: QueryCount[];
  mixed: { readers: Load; saves: number; writerFailures: number; checked: number; missing: number };
  overload: Overload & { saves: number; writerFailures: number; checked: number; missing: number };
}

const SEARCH_WORDS = ['budget', 'library', 'robotics', 'election', 'parking', 'theater', 'scholarship', 'renovation', 'cafeteria', 'championship', 'volunteers', 'graduation'];

/** Search pages asking questions never asked before in the run (a search's answer is kept until the
 * school's next change, so a question asked twice would be answered from the cache): each of the
 * papers asked every two of SEARCH_WORDS in turn, then every three, the papers taking turns. Each
 * call goes on where the last stopped. */
function newSearches(schools: readonly string[]): (count: number) => string[] {
  const questions: string[] = [];
  for (const first of SEARCH_WORDS) for (const second of SEARCH_WORDS) if (second !== first) questions.push(`${first}+${second}`);
  for (const pair of [...questions]) for (const third of SEARCH_WORDS) if (!pair.split('+').includes(third)) questions.push(`${pair}+${third}`);
  let next = 0;
  return (count) =>
    Array.from({ length: count }, () => {
      const index = next++;
      const school = index % schools.length;
      const turn = Math.floor(index / schools.length);
      if (turn >= questions.length) throw new Error(`The bench ran out of new searches after ${index}.`);
      // Each paper starts at another question, so the papers are not all asked the same thing at once.
      return `/${schools[school]}/search?q=${questions[(turn + school * 5) % questions.length]}`;
    });
}

async function measureDataset(adminUrl: string, articles: number): Promise<DatasetResult> {
  const dataset = await prepareDataset(adminUrl, articles);
  const db = dataset.url;
  const sample = await withPgClient(db, async (client) => {
    // The school with the most articles (the 5,000-article paper where there is one).
    const school = (
      await client.query<{ id: string; slug: string; articles: string }>(
        `SELECT s.id, s.slug, (SELECT count(*) FROM articles a WHERE a."schoolId" = s.id AND a.status = 'PUBLISHED') AS articles FROM schools s ORDER BY s.slug LIMIT 1`,
      )
    ).rows[0]!;
    const article = (await client.query<{ slug: string }>(`SELECT slug FROM articles WHERE "schoolId" = $1 AND "publishedRevisionId" IS NOT NULL ORDER BY "publishedAt" DESC LIMIT 1`, [school.id]))
      .rows[0]!;
    const section = (await client.query<{ slug: string }>('SELECT slug FROM sections WHERE "schoolId" = $1 ORDER BY position LIMIT 1', [school.id])).rows[0]!;
    const edition = (await client.query<{ volume: number; number: number }>(`SELECT volume, number FROM editions WHERE "schoolId" = $1 ORDER BY "issueDate" DESC LIMIT 1`, [school.id])).rows[0]!;
    const reporter = (await client.query<{ slug: string }>(`SELECT slug FROM memberships WHERE "schoolId" = $1 AND role = 'REPORTER' ORDER BY slug LIMIT 1`, [school.id])).rows[0]!;
    const adviser = (await client.query<{ email: string }>(`SELECT u.email FROM memberships m JOIN users u ON u.id = m."userId" WHERE m."schoolId" = $1 AND m.role = 'ADVISER' LIMIT 1`, [school.id]))
      .rows[0]!;
    const submitted = (await client.query<{ id: string }>(`SELECT id FROM articles WHERE "schoolId" = $1 AND status = 'SUBMITTED' ORDER BY id LIMIT 1`, [school.id])).rows[0]!;
    const readerPaths = (
      await client.query<{ path: string }>(
        `SELECT '/' || s.slug || '/articles/' || a.slug AS path FROM articles a JOIN schools s ON s.id = a."schoolId" WHERE a."publishedRevisionId" IS NOT NULL ORDER BY md5(a.id) LIMIT 2000`,
      )
    ).rows.map((row) => row.path);
    const schools = (await client.query<{ slug: string }>('SELECT slug FROM schools ORDER BY md5(slug) LIMIT 200')).rows.map((row) => row.slug);
    return {
      school: school.slug,
      schoolArticles: Number(school.articles),
      article: article.slug,
      section: section.slug,
      edition,
      reporter: reporter.slug,
      adviser: adviser.email,
      submitted: submitted.id,
      readerPaths,
      schools,
    };
  });
  const readerPages = {
    article: `/${sample.school}/articles/${sample.article}`,
    front: `/${sample.school}`,
    section: `/${sample.school}/sections/${sample.section}`,
    issue: `/${sample.school}/issues/${sample.edition.volume}/${sample.edition.number}`,
    staff: `/${sample.school}/staff/${sample.reporter}`,
    search: `/${sample.school}/search?q=budget+library`,
  };

  log(`${articles}: counting queries per reader page and explaining them…`);
  const queries = await countQueries(db, { ...readerPages, feed: `/${sample.school}/feed.xml` });

  const floorDir = mkdtempSync(path.join(os.tmpdir(), 'masthead-floor-'));
  const server = await startServer(db, { MASTHEAD_BENCH_FLOOR_DIR: floorDir });
  try {
    const cacheHits: DatasetResult['cacheHits'] = {};
    for (const name of ['article', 'front', 'section'] as const) {
      log(`${articles}: ${name} page from the page cache, against Node and nginx serving the same bytes…`);
      cacheHits[name] = await cacheHitAgainstStatic(readerPages[name]);
    }

    const uncached: DatasetResult['uncached'] = {};
    for (const [name, page] of Object.entries(readerPages)) {
      log(`${articles}: ${name} page rendered on every request, against the framework's floor…`);
      uncached[name] = await againstFloor(server, floorDir, name, page, { connections: 20, seconds: DURATION, rounds: 1, warmupSeconds: 3 * DURATION });
    }

    log(`${articles}: search, 20 searchers…`);
    // Every search below is a question never asked before (newSearches). A server that has run for a
    // while has each paper's sections, issues and school in its data cache and its search code
    // compiled; the first pass over 200 papers has neither (at 100k articles, p95 830 ms cold against
    // 87–123 ms warm). So a first pass is reported beside the figure, and the figure is the pass after
    // it. 20 searchers ask about 400 questions in 20 s: each pass is given 1,000.
    const searches = newSearches(sample.schools);
    const firstPass = await pacedLatencies(BASE, searches(1000), 20, 1000, DURATION * 2);
    const pacedSearch = await pacedLatencies(BASE, searches(1000), 20, 1000, DURATION * 2);
    const searchPage = await savedPage(`${BASE}${searches(1)[0]}`);
    const searchReference = await startStaticServer(searchPage);
    const pacedReference = await pacedLatencies(searchReference.url, ['/'], 20, 1000, DURATION);
    await searchReference.close();
    const saturatedQuestions = searches(8000);
    const cpuBefore = server.cpuSeconds();
    const saturatedRun = wrk(BASE, { connections: 20, seconds: DURATION, script: eachOnce(saturatedQuestions), refusals: 'counted' });
    if (saturatedRun.requests + saturatedRun.refused > saturatedQuestions.length) throw new Error('The saturated search run asked some questions twice: give it more.');
    const saturatedSearch = { ...saturatedRun, cpuMs: ((server.cpuSeconds() - cpuBefore) * 1000) / saturatedRun.requests };

    log(`${articles}: newsroom pages, signed in, in a school with ${sample.schoolArticles.toLocaleString('en')} articles…`);
    const adviser = await signInOverHttp(BASE, sample.adviser, SCALE_PASSWORD);
    const newsroomPages = {
      'story budget': `/${sample.school}/newsroom`,
      'review (editor of a submitted story)': `/${sample.school}/newsroom/articles/${sample.submitted}`,
      revisions: `/${sample.school}/newsroom/articles/${sample.submitted}/revisions`,
      members: `/${sample.school}/newsroom/members`,
      issues: `/${sample.school}/newsroom/issues`,
    };
    const newsroom: DatasetResult['newsroom'] = {};
    for (const [name, page] of Object.entries(newsroomPages)) {
      const saved = await savedPage(`${BASE}${page}`, { cookie: adviser.cookie });
      const reference = await startStaticServer(saved);
      try {
        // One person, clicking from page to page without pause.
        const run = (url: string, seconds = DURATION) => wrk(url, { connections: 1, seconds, headers: [GZIP, `Cookie: ${adviser.cookie}`] });
        run(`${BASE}${page}`, 2);
        newsroom[name] = { reference: run(reference.url + page), app: run(`${BASE}${page}`) };
      } finally {
        await reference.close();
      }
    }

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
    await writeUntil(writers, Date.now() + DURATION * 2000, 1000);
    const editorPace = savesOf();
    await writeUntil(writers, Date.now() + DURATION * 1000, 0);
    const saturated = savesOf();

    log(`${articles}: publish → visible…`);
    const publish = await publishToVisible(db);

    log(`${articles}: first-load JavaScript…`);
    const javascript = await firstLoadJavaScript(readerPages.article, writers[0]!.client, `/${writers[0]!.school}/newsroom/articles/${writers[0]!.articleId}`);

    log(`${articles}: mixed load, 100 readers and 10 writers for ${MIXED_DURATION} s…`);
    const mixedWriters = await writersFor(db, 10, 20);
    let readerIndex = 0;
    const stopAt = Date.now() + MIXED_DURATION * 1000;
    const [readers] = await Promise.all([
      load(BASE, 100, MIXED_DURATION, () => sample.readerPaths[readerIndex++ % sample.readerPaths.length]!),
      // A writer's editor autosaves about once a second while its reporter types.
      writeUntil(mixedWriters, stopAt, 1000),
    ]);
    const present = await savesPresent(db, mixedWriters);

    const capacity = uncached.article!.page.rps;
    log(`${articles}: overload, 4× the uncached capacity (${Math.round(capacity * 4)} req/s) for ${OVERLOAD_DURATION} s, with 10 writers…`);
    const overloadWriters = await writersFor(db, 10, 30);
    let overloadIndex = 0;
    const [overloaded] = await Promise.all([
      overload(capacity * 4, OVERLOAD_DURATION, () => `${sample.readerPaths[overloadIndex % sample.readerPaths.length]!}?overload=${overloadIndex++}`),
      writeUntil(overloadWriters, Date.now() + OVERLOAD_DURATION * 1000, 1000),
    ]);
    const overloadSaves = await savesPresent(db, overloadWriters);
    return {
      articles,
      schools: schoolsFor(articles),
      generationSeconds: dataset.generationSeconds,
      cacheHits,
      uncached,
      search: { paced: pacedSearch, firstPass, pacedReference, saturated: saturatedSearch },
      newsroom,
      newsroomArticles: sample.schoolArticles,
      autosave: { ...editorPace, saturated },
      publish,
      javascript,
      queries,
      mixed: {
        readers,
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
    rmSync(floorDir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// The report
// ---------------------------------------------------------------------------------------------

const TARGETS = {
  cacheHitRatio: 0.8,
  uncached: { ratio: 0.5, rps: 250, p99Ms: 150, cpuMs: 5 },
  searchP95Ms: 50,
  newsroomP95Ms: 100,
  autosaveP95Ms: 50,
  publishMs: 2000,
  scriptBytes: 100 * 1024,
  statements: 3,
  scaling: 0.2,
  generationSeconds: 15 * 60,
};
const ms = (value: number) => `${round(value, 1)} ms`;
const kb = (bytes: number) => `${round(bytes / 1024, 1)} KB`;
const mark = (ok: boolean) => (ok ? 'met' : '**missed**');

function report(results: DatasetResult[], machine: Record<string, string>, startedAt: Date, seconds: number): string {
  const heads = results.map((result) => `${result.articles.toLocaleString('en')} articles`);
  const lines: string[] = [];
  const row = (label: string, cells: string[], target = '') => lines.push(`| ${label} | ${cells.join(' | ')} | ${target} |`);
  const verdicts = (test: (result: DatasetResult) => boolean) => results.map((result) => mark(test(result))).join(', ');
  lines.push('| Figure | ' + heads.join(' | ') + ' | Target |', '|---|' + heads.map(() => '---|').join('') + '---|');
  row(
    'dataset generated in (npm run seed:scale, this machine)',
    results.map((result) => `${round(result.generationSeconds / 60, 1)} min`),
    `< 15 min: ${verdicts((result) => result.generationSeconds < TARGETS.generationSeconds)}`,
  );
  for (const name of Object.keys(results[0]!.cacheHits)) {
    row(
      `${name} page from the page cache: req/s (Node static server; nginx) = ratio to Node`,
      results.map((result) => {
        const hit = result.cacheHits[name]!;
        return `${Math.round(hit.app.rps)} (${Math.round(hit.node.rps)}; ${hit.nginx ? Math.round(hit.nginx.rps) : 'no nginx'}) = **${round(hit.ratio, 2)}×**`;
      }),
      `≥ ${TARGETS.cacheHitRatio}×: ${verdicts((result) => result.cacheHits[name]!.ratio >= TARGETS.cacheHitRatio)}`,
    );
    row(
      `${name} page from the page cache: p50 / p99 at 50 connections (Node static server)`,
      results.map((result) => {
        const hit = result.cacheHits[name]!;
        return `${ms(hit.app.p50Ms)} / ${ms(hit.app.p99Ms)} (${ms(hit.node.p50Ms)} / ${ms(hit.node.p99Ms)})`;
      }),
    );
  }
  const target = TARGETS.uncached;
  for (const name of Object.keys(results[0]!.uncached)) {
    row(
      `${name} page rendered on every request, 20 connections: req/s (framework floor; page floor) = ratio to the framework floor; p99; server CPU per request (framework floor; page floor); quick 503s if any`,
      results.map((result) => {
        const page = result.uncached[name]!;
        return `${Math.round(page.page.rps)} (${Math.round(page.floor.rps)}; ${Math.round(page.pageFloor.rps)}) = **${round(page.ratio, 2)}×**; ${Math.round(page.page.p99Ms)} ms; ${round(page.page.cpuMs, 2)} ms (${round(page.floor.cpuMs, 2)} ms; ${round(page.pageFloor.cpuMs, 2)} ms)${page.page.refused ? `; ${page.page.refused} × 503` : ''}${page.page.timeouts ? `; ${page.page.timeouts} unanswered after 2 s` : ''}`;
      }),
      `≥ ${target.ratio}×, ≥ ${target.rps} req/s, p99 < ${target.p99Ms} ms, ≤ ${target.cpuMs} ms CPU: ${results
        .map((result) => {
          const page = result.uncached[name]!;
          return [page.ratio >= target.ratio, page.page.rps >= target.rps, page.page.p99Ms < target.p99Ms, page.page.cpuMs <= target.cpuMs].map(mark).join('/');
        })
        .join(', ')}`,
    );
  }
  row(
    'search: 20 searchers each searching about once a second (ranked, over 200 schools’ papers, never cached), after a first pass over the same papers: p50 / p95 (a static page, same pace); the first pass',
    results.map(
      (result) =>
        `${ms(result.search.paced.p50)} / ${ms(result.search.paced.p95)}, ${result.search.paced.count} searches, ${result.search.paced.failures} failed (${ms(result.search.pacedReference.p50)} / ${ms(result.search.pacedReference.p95)}); first pass ${ms(result.search.firstPass.p50)} / ${ms(result.search.firstPass.p95)}, ${result.search.firstPass.failures} failed`,
    ),
    `p95 < ${TARGETS.searchP95Ms} ms: ${verdicts((result) => result.search.paced.p95 < TARGETS.searchP95Ms)}`,
  );
  row(
    'search: 20 connections searching back to back (the server saturated), every question new (never cached): req/s, p50 / p95 / p99, server CPU per request, quick 503s',
    results.map((result) => {
      const saturated = result.search.saturated;
      return `${Math.round(saturated.rps)}, ${ms(saturated.p50Ms)} / ${ms(saturated.p95Ms)} / ${ms(saturated.p99Ms)}, ${round(saturated.cpuMs, 2)} ms, ${saturated.refused} × 503${saturated.timeouts ? `, ${saturated.timeouts} unanswered after 2 s` : ''}`;
    }),
    `the uncached pages' ≥ ${target.rps} req/s, p99 < ${target.p99Ms} ms, ≤ ${target.cpuMs} ms CPU: ${results
      .map(({ search: { saturated } }) => [saturated.rps >= target.rps, saturated.p99Ms < target.p99Ms, saturated.cpuMs <= target.cpuMs].map(mark).join('/'))
      .join(', ')}`,
  );
  for (const name of Object.keys(results[0]!.newsroom)) {
    row(
      `newsroom, ${name}: a signed-in adviser asking again as soon as each page arrives: p50 / p95, req/s (Node static server with the same bytes: p95, req/s)`,
      results.map((result) => {
        const page = result.newsroom[name]!;
        return `${ms(page.app.p50Ms)} / ${ms(page.app.p95Ms)}, ${Math.round(page.app.rps)} (${ms(page.reference.p95Ms)}, ${Math.round(page.reference.rps)}) in a school of ${result.newsroomArticles.toLocaleString('en')} articles`;
      }),
      `p95 < ${TARGETS.newsroomP95Ms} ms: ${verdicts((result) => result.newsroom[name]!.app.p95Ms < TARGETS.newsroomP95Ms)}`,
    );
  }
  row(
    'autosave round trip p50 / p95, 20 writers each saving about once a second, as the editor does',
    results.map((result) => `${ms(result.autosave.p50)} / ${ms(result.autosave.p95)}, ${result.autosave.saves} saves, ${result.autosave.failures} failed`),
    `p95 < ${TARGETS.autosaveP95Ms} ms: ${verdicts((result) => result.autosave.p95 < TARGETS.autosaveP95Ms)}`,
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
    `< 2 s: ${verdicts((result) => result.publish.visibleMs < TARGETS.publishMs)}`,
  );
  row(
    'article page first-load JavaScript sent to readers, gzip (as Next builds the route; the newsroom editor)',
    results.map(
      (result) =>
        `${kb(result.javascript.served.external + result.javascript.served.inline)} in ${result.javascript.served.files} files (${kb(result.javascript.built.external)} + ${kb(result.javascript.built.inline)} inline in ${result.javascript.built.files} files; editor ${result.javascript.newsroom ? kb(result.javascript.newsroom.external) : 'n/a'})`,
    ),
    `≤ 100 KB: ${verdicts((result) => result.javascript.served.external + result.javascript.served.inline <= TARGETS.scriptBytes)}`,
  );
  for (const page of results[0]!.queries.map((count) => count.page)) {
    const count = (result: DatasetResult) => result.queries.find((entry) => entry.page === page);
    row(
      `SQL statements, ${page} page: first render after start / again`,
      results.map((result) => (count(result) ? `${count(result)!.first} / ${count(result)!.repeat}` : 'n/a')),
      ['article', 'front', 'section'].includes(page) ? `≤ ${TARGETS.statements} again: ${verdicts((result) => (count(result)?.repeat ?? 99) <= TARGETS.statements)}` : '',
    );
  }
  row(
    'mixed load: reader req/s, p99, quick 503s (first views of 2,000 uncached pages by 100 connections that retry at once), other errors',
    results.map((result) => `${Math.round(result.mixed.readers.rps)}, ${result.mixed.readers.p99} ms, ${result.mixed.readers.busy} × 503, ${result.mixed.readers.errors} errors`),
    `0 errors other than 503: ${verdicts((result) => result.mixed.readers.errors === 0 && result.mixed.writerFailures === 0)}`,
  );
  row(
    'mixed load: acknowledged saves, failed saves, saves missing afterwards',
    results.map((result) => `${result.mixed.saves}, ${result.mixed.writerFailures}, ${result.mixed.missing} of ${result.mixed.checked} writers' last saves missing`),
    `0 lost: ${verdicts((result) => result.mixed.missing === 0)}`,
  );
  row(
    'overload: 4× the uncached capacity, new addresses only: offered req/s; served, their p50 / p99; quick 503s with Retry-After; other 5xx; unanswered after 10 s',
    results.map(
      (result) =>
        `${Math.round(result.overload.offeredRate)}/s (${result.overload.sent} sent); ${result.overload.served} served, ${Math.round(result.overload.servedP50)} / ${Math.round(result.overload.servedP99)} ms; ${result.overload.busy} × 503; ${result.overload.otherServerErrors} other 5xx; ${result.overload.timeouts} unanswered`,
    ),
    `served p99 ≤ 2 s, 0 other 5xx, 0 unanswered: ${verdicts((result) => result.overload.servedP99 <= 2000 && result.overload.otherServerErrors === 0 && result.overload.timeouts === 0)}`,
  );
  row(
    'overload: 10 writers saving once a second during it: acknowledged saves, failed saves, saves missing afterwards',
    results.map((result) => `${result.overload.saves}, ${result.overload.writerFailures}, ${result.overload.missing} of ${result.overload.checked} writers' last saves missing`),
    `0 lost: ${verdicts((result) => result.overload.missing === 0)}`,
  );

  // Every figure of each bigger dataset against the smallest's, as the ratio to its own reference
  // where it has one (so the machine's drift between the runs does not count as the dataset's doing).
  const scaling: string[] = [];
  if (results.length >= 2) {
    const small = results[0]!;
    const larger = results.slice(1);
    scaling.push(
      `| Figure | ${small.articles.toLocaleString('en')} | ${larger.map((result) => `${result.articles.toLocaleString('en')} | change`).join(' | ')} | within 20% |`,
      `|---|---|${larger.map(() => '---|---|').join('')}---|`,
    );
    const compare = (label: string, figure: (result: DatasetResult) => number, lowerIsBetter = false) => {
      const base = figure(small);
      const changes = larger.map((result) => figure(result) / base - 1);
      // Getting faster is never a failure; only a loss of more than 20% is.
      const ok = changes.every((change) => (lowerIsBetter ? change <= TARGETS.scaling : change >= -TARGETS.scaling));
      scaling.push(`| ${label} | ${round(base, 2)} | ${larger.map((result, index) => `${round(figure(result), 2)} | ${round(changes[index]! * 100, 0)}%`).join(' | ')} | ${mark(ok)} |`);
    };
    for (const name of Object.keys(small.cacheHits)) compare(`${name} page from the cache, ratio to Node static`, (result) => result.cacheHits[name]!.ratio);
    for (const name of Object.keys(small.uncached)) compare(`${name} page rendered, ratio to the floor`, (result) => result.uncached[name]!.ratio);
    for (const name of Object.keys(small.uncached)) compare(`${name} page rendered, CPU ms per request`, (result) => result.uncached[name]!.page.cpuMs, true);
    compare('search p95 (ms), 20 searchers', (result) => result.search.paced.p95, true);
    compare('search req/s, saturated', (result) => result.search.saturated.rps);
    for (const name of Object.keys(small.newsroom)) compare(`newsroom ${name} p95 (ms)`, (result) => result.newsroom[name]!.app.p95Ms, true);
    compare('autosave p95 (ms)', (result) => result.autosave.p95, true);
    compare('publish → visible (ms)', (result) => result.publish.visibleMs, true);
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
Generated by \`npm run seed:scale\` (seed ${SEED}): ${results.map((result) => `${result.articles.toLocaleString('en')} published articles in ${result.schools.toLocaleString('en')} schools`).join('; ')}. Each school has 5 sections, 24 members, articles of 450–1,000 words (subheads, a quotation), one published revision each, bylines, a publish event, issues of ten articles, and six stories still in the newsroom (drafts, two submitted, one sent back). Where the dataset is at least ${(LARGEST_SCHOOL * 10).toLocaleString('en')} articles, the first school has ${LARGEST_SCHOOL.toLocaleString('en')} of them (a paper with a long archive); the reader and newsroom pages are measured in the first school. Every run measures a fresh copy of the generated database.

## How
- \`npm run bench\` (all of it), or \`npm run bench -- --sizes 1000 --no-build\` for a quick look; \`npm run seed:scale -- --schools 200 --articles 100000\` fills any empty database (DATABASE_URL) on its own.
- The app runs as in production: \`next build\`, then \`npm start\`'s server (Next behind the reader page cache) on the embedded PostgreSQL.
- Load: wrk (Debian's, 2 threads, in its own process), ${DURATION} s per figure at the stated connections, with \`Accept-Encoding: gzip\`; the machine's 2 cores are shared by wrk, the server and PostgreSQL. Latency percentiles are wrk's own (its Lua \`done\` hook).
- References, started in the same run: a plain Node \`http\` server and nginx (one worker process; the app is one process too, whose front thread answers the hits while its renderer's thread waits) answering every request with the same bytes and headers the app served; for uncached pages, the framework's floor, a plain Next route in the same build answering the page's HTML from memory (reached, like the pages, through the front thread), and beside it the page floor, a page component returning that HTML as one element: what the App Router's page pipeline costs before any component or data of ours (lib/serving/bench-floor.ts, on only while the bench runs them).
- Reader pages are cached as finished bytes until the school's content changes (a PostgreSQL NOTIFY from the publishing transaction); "rendered on every request" asks under an address never asked for before, so the page cache misses (its data may come from the reader cache, as in production: for the search page, the answer to its one question). CPU per request is the server process's own, from /proc.
- Searchers and writers are people: each of 20 asks, reads the answer, and asks again about a second later (each on its own clock); the saturated rows drop the pause. A search's answer is kept until the school's next change, so the search rows ask only questions never asked before in the run (every two, then every three, of twelve words the generated stories use, over 200 papers), and no answer comes from a cache.
- Mixed load and overload are about refusals rather than speed, so they use autocannon (its fixed arrival rate; 503s are counted apart). The overload run offers four times the uncached article capacity for ${OVERLOAD_DURATION} s, every request to an address never seen before, while 10 writers autosave once a second. The production server admits renders through two lanes (lib/serving/admission.ts).
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
    if (process.argv.includes('--prepare-only')) {
      for (const size of SIZES) log(`${size.toLocaleString('en')} articles: generated in ${(await prepareDataset(database.url, size)).generationSeconds} s`);
      return;
    }
    if (!process.argv.includes('--no-build') || !existsSync(path.join(projectRoot, BENCH_DIST_DIR, 'BUILD_ID'))) buildForBench(log);
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
    // The sections the wrk benches write (bench:render, bench:audience) are theirs, and the page-weight
    // budgets are the browser tests': kept as they are.
    const file = path.join(projectRoot, 'docs/BENCHMARKS.md');
    const theirs = existsSync(file)
      ? [...readFileSync(file, 'utf8').matchAll(/\n## (?:Uncached reader pages|Audience counting|Page-weight budgets)[\s\S]*?(?=\n## |$)/g)].map((match) => match[0])
      : [];
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
