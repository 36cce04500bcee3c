// What the wrk-driven benches share: the production server started as `npm start` starts it (on
// the bench build and a throwaway embedded database), waiting for it, and wrk's figures.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { projectRoot } from './database.ts';

export const BENCH_DIST_DIR = '.next-bench';
export const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';

export interface BenchServer {
  base: string;
  child: ChildProcess;
  stop(): Promise<void>;
  /** CPU seconds the Node process that serves (scripts/production-server.ts) has used so far. */
  cpuSeconds(): number;
}

export function buildForBench(log: (line: string) => void): void {
  log('building…');
  const built = spawnSync(process.execPath, [path.join(projectRoot, 'node_modules/next/dist/bin/next'), 'build'], {
    cwd: projectRoot,
    stdio: 'inherit',
    env: { ...process.env, NEXT_DIST_DIR: BENCH_DIST_DIR },
  });
  if (built.status !== 0) throw new Error('next build failed');
}

/** The server as `npm start` runs it: on `databaseUrl`, or on an embedded PostgreSQL of its own in
 * `dataDir` (port `pgPort`). */
export async function startBenchServer(options: { port: number; databaseUrl?: string; pgPort?: number; dataDir?: string; env?: Record<string, string> }): Promise<BenchServer> {
  const base = `http://127.0.0.1:${options.port}`;
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(projectRoot, 'scripts/serve.ts'), '--production'], {
    cwd: projectRoot,
    env: {
      ...process.env,
      PORT: String(options.port),
      NEXT_DIST_DIR: BENCH_DIST_DIR,
      ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : { MASTHEAD_DATA_DIR: options.dataDir, MASTHEAD_PG_PORT: String(options.pgPort) }),
      NEXTAUTH_SECRET: 'bench-secret-not-for-production-use-000000',
      NEXTAUTH_URL: base,
      ...options.env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  for (let attempt = 0; ; attempt++) {
    if (child.exitCode !== null) throw new Error('The production server exited while starting.');
    if (attempt > 600) throw new Error('The production server did not start.');
    const up = await fetch(`${base}/api/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (up) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const server = serverProcessOf(child.pid!);
  return {
    base,
    child,
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
    cpuSeconds() {
      // /proc/<pid>/stat: after "(command)", utime and stime are the 12th and 13th fields, in ticks.
      const stat = readFileSync(`/proc/${server}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return (Number(fields[11]) + Number(fields[12])) / 100;
    },
  };
}

/** scripts/serve.ts starts the database and then the server: the child running production-server.ts. */
function serverProcessOf(servePid: number): number {
  const children = readFileSync(`/proc/${servePid}/task/${servePid}/children`, 'utf8').trim().split(/\s+/).map(Number);
  const server = children.find((pid) => readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('production-server'));
  if (!server) throw new Error('The production server process was not found.');
  return server;
}

/** fetch on a connection of its own, for the benches' one-off requests. They come after long wrk
 * runs, and a kept-alive socket idle that long may be closed by the server just as it is reused
 * ("other side closed"): undici trusts the server's Keep-Alive hint (65 s) to within a second, and
 * a machine saturated by wrk is later than that. */
export function freshFetch(input: string | URL, init: RequestInit = {}): Promise<Response> {
  return fetch(input, { ...init, headers: { ...(init.headers as Record<string, string> | undefined), connection: 'close' } });
}

export interface WrkRun {
  /** Successful answers per second (a refusal is not an answer). */
  rps: number;
  requests: number;
  /** Answers other than 2xx/3xx: the server's quick 503s under more load than it takes. */
  refused: number;
  /** Requests left unanswered after wrk's 2 s (only where refusals are counted: a saturated server). */
  timeouts: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
}

// wrk's own report stops at p99 in fixed steps; this prints the percentiles we compare, in µs.
const PERCENTILES = `
done = function(summary, latency, requests)
  io.write(string.format("PERCENTILES %d %d %d\\n", latency:percentile(50), latency:percentile(95), latency:percentile(99)))
end
`;

/** A wrk `request` function that asks for each of `paths` in turn under a query string unique to its
 * run, thread and request, so no cache has seen it (wrk() names each run: a warm-up and the run after
 * it share this script, and must not share addresses). */
export function uniqueAddresses(paths: readonly string[]): string {
  return wrkScript(
    paths.map((page) => `${page}${page.includes('?') ? '&' : '?'}fresh=`),
    'paths[(counter % #paths) + 1] .. run_id .. "-" .. id .. "-" .. counter',
  );
}

/** Lua for wrk asking each of `paths` once: thread t of wrk's two asks paths t, t + 2, t + 4…, so
 * no address is asked twice while the run asks fewer than there are (check `requests` after). */
export function eachOnce(paths: readonly string[]): string {
  return wrkScript(paths, 'paths[((counter - 1) * 2 + id - 1) % #paths + 1]');
}

/** Lua for wrk choosing each request's address from `paths` by the Lua expression `chosen`, which
 * may use the thread's `id` and its request `counter` (from 1). */
function wrkScript(paths: readonly string[], chosen: string): string {
  const list = paths.map((page) => `"${page.replace(/["\\]/g, '\\$&')}"`).join(',\n  ');
  return `local paths = {
  ${list}
}
local threads = 0
function setup(thread) threads = threads + 1; thread:set("id", threads) end
function init(args) counter = 0 end
request = function()
  counter = counter + 1
  return wrk.format("GET", ${chosen})
end
`;
}

/** One wrk run (2 threads); `script` is Lua that chooses each request (see uniqueAddresses). Every
 * answer must be a success, or the bench fails rather than report a figure, unless `refusals` are
 * expected (renders at more connections than the server admits at once): then they are counted. */
export function wrk(url: string, options: { connections: number; seconds: number; headers?: string[]; script?: string; refusals?: 'counted' }): WrkRun {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'masthead-wrk-'));
  const file = path.join(folder, 'script.lua');
  writeFileSync(file, `run_id = "${randomUUID().slice(0, 8)}"\n${options.script ?? ''}\n${PERCENTILES}`);
  const args = [`-t${Math.min(2, options.connections)}`, `-c${options.connections}`, `-d${options.seconds}s`, ...(options.headers ?? []).flatMap((header) => ['-H', header]), '-s', file, url];
  const run = spawnSync('wrk', args, { encoding: 'utf8' });
  rmSync(folder, { recursive: true, force: true });
  if (run.error) throw new Error('wrk is needed for this bench: apt-get install -y wrk');
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(run.stdout)?.[1]);
  const requests = Number(/(\d+) requests in/.exec(run.stdout)?.[1]);
  const refused = Number(/Non-2xx or 3xx responses: (\d+)/.exec(run.stdout)?.[1] ?? 0);
  const percentiles = /PERCENTILES (\d+) (\d+) (\d+)/.exec(run.stdout);
  const socketErrors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(run.stdout);
  // A saturated server may leave a request waiting past wrk's 2 s: counted and reported like a
  // refusal. A connection refused, reset or cut is a failure everywhere.
  const timeouts = options.refusals === 'counted' ? Number(socketErrors?.[4] ?? 0) : 0;
  const failedSockets = socketErrors ? socketErrors.slice(1).reduce((sum, count) => sum + Number(count), 0) - timeouts : 0;
  if (!rps || !percentiles || failedSockets > 0 || (refused > 0 && options.refusals !== 'counted') || refused === requests)
    throw new Error(`wrk run against ${url} failed:\n${run.stdout}${run.stderr}`);
  const [p50Ms, p95Ms, p99Ms] = percentiles.slice(1).map((micros) => Number(micros) / 1000) as [number, number, number];
  return { rps: (rps * (requests - refused)) / requests, requests: requests - refused, refused, timeouts, p50Ms, p95Ms, p99Ms };
}

export const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

export interface AgainstFloor {
  bytes: number;
  floor: { rps: number; cpuMs: number };
  /** The page pipeline's floor: the same HTML from a page component (lib/serving/bench-floor.ts). */
  pageFloor: { rps: number; cpuMs: number };
  page: { rps: number; p95Ms: number; p99Ms: number; cpuMs: number; refused: number; timeouts: number };
  ratio: number;
}

/** What a reader page costs when no cache holds it, against the framework's floor
 * (lib/serving/bench-floor.ts, on while the server runs with MASTHEAD_BENCH_FLOOR_DIR = `floorDir`):
 * a plain Next route in the same build answering the page's HTML from memory. Every request asks for
 * the page under an address never asked for before; wrk alternates the floors and the page, `rounds` times
 * each after a warm-up, and the server's own CPU time per request is read from /proc. */
export async function againstFloor(
  server: BenchServer,
  floorDir: string,
  name: string,
  page: string,
  options: { connections: number; seconds: number; rounds: number; headers?: string[]; warmupSeconds?: number },
): Promise<AgainstFloor> {
  const headers = [`User-Agent: ${BROWSER}`, ...(options.headers ?? [])];
  const html = Buffer.from(await (await freshFetch(`${server.base}${page}`, { headers: Object.fromEntries(headers.map((header) => header.split(/:\s*/, 2) as [string, string])) })).arrayBuffer());
  writeFileSync(path.join(floorDir, `${name}.html`), html);
  const floorUrl = `${server.base}/api/bench-floor?page=${name}`;
  const pageFloorUrl = `${server.base}/api/bench-floor/rendered?page=${name}`;
  for (const url of [floorUrl, pageFloorUrl]) if ((await freshFetch(url)).status !== 200) throw new Error(`The framework floor ${url} did not answer: is MASTHEAD_BENCH_FLOOR_DIR set?`);
  const script = uniqueAddresses([page]);
  const measure = (url: string, seconds: number, withScript?: string) => {
    const before = server.cpuSeconds();
    const run = wrk(url, { connections: options.connections, seconds, headers, script: withScript, refusals: withScript ? 'counted' : undefined });
    return { run, cpuMs: ((server.cpuSeconds() - before) * 1000) / run.requests };
  };
  // A render path takes about half a minute of traffic to reach its steady speed (measured: 20 ms of
  // CPU per article render in the first 8 s after start, 6.6 ms from the fourth 8 s on).
  const warmup = options.warmupSeconds ?? 2;
  measure(floorUrl, Math.min(warmup, 4));
  measure(pageFloorUrl, Math.min(warmup, 4));
  measure(`${server.base}${page}`, warmup, script);
  const floor: ReturnType<typeof measure>[] = [];
  const pageFloor: ReturnType<typeof measure>[] = [];
  const rendered: ReturnType<typeof measure>[] = [];
  for (let round = 0; round < options.rounds; round++) {
    floor.push(measure(floorUrl, options.seconds));
    pageFloor.push(measure(pageFloorUrl, options.seconds));
    rendered.push(measure(`${server.base}${page}`, options.seconds, script));
  }
  const pageRps = mean(rendered.map((result) => result.run.rps));
  const floorRps = mean(floor.map((result) => result.run.rps));
  return {
    bytes: html.length,
    floor: { rps: floorRps, cpuMs: mean(floor.map((result) => result.cpuMs)) },
    pageFloor: { rps: mean(pageFloor.map((result) => result.run.rps)), cpuMs: mean(pageFloor.map((result) => result.cpuMs)) },
    page: {
      rps: pageRps,
      p95Ms: Math.max(...rendered.map((result) => result.run.p95Ms)),
      p99Ms: Math.max(...rendered.map((result) => result.run.p99Ms)),
      cpuMs: mean(rendered.map((result) => result.cpuMs)),
      refused: rendered.reduce((sum, result) => sum + result.run.refused, 0),
      timeouts: rendered.reduce((sum, result) => sum + result.run.timeouts, 0),
    },
    ratio: pageRps / floorRps,
  };
}
