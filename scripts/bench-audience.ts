// `npm run bench:audience`: what counting page views costs a page-cache hit. The production build
// serves the demo paper's article page from its cache, with counting off and on in turn (so drift
// in the machine shows up in both), driven by wrk (2 threads, 50
// connections, gzip, a browser's user agent) — a load generator in its own process that is not
// the bottleneck (install it with `apt-get install wrk`); three times each, alternating. After
// each counted run it checks that the counted views equal the requests wrk made. The figures go into docs/BENCHMARKS.md under "Audience counting".
//   --no-build    reuse the last build in .next-bench
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { projectRoot, withPgClient } from './lib/database.ts';
import { BENCH_DIST_DIR, BROWSER, buildForBench, startBenchServer, wrk } from './lib/bench-server.ts';

const PORT = 3401;
const PG_PORT = Number(process.env.MASTHEAD_BENCH_PG_PORT ?? 54397);
const DATA_DIR = '.data/bench-audience';
const SECONDS = 8;
const log = (line: string) => console.log(`[bench:audience] ${line}`);

/** Views counted for a page of the demo school, read from the running server's database. */
async function viewsOf(page: string): Promise<number> {
  return withPgClient(`postgresql://masthead:masthead@127.0.0.1:${PG_PORT}/masthead`, async (client) => {
    await client.query(`SELECT set_config('masthead.tenant', 'platform', false)`);
    return Number((await client.query<{ views: string }>(`SELECT coalesce(sum(views), 0) AS views FROM page_view_counts WHERE path = $1`, [page.replace('/canyon-crest', '')])).rows[0]!.views);
  });
}

async function main(): Promise<void> {
  if (!process.argv.includes('--no-build') || !existsSync(path.join(projectRoot, BENCH_DIST_DIR, 'BUILD_ID'))) buildForBench(log);
  rmSync(path.join(projectRoot, DATA_DIR), { recursive: true, force: true });
  const runs: { counting: boolean; rps: number; requests: number; p99Ms: number }[] = [];
  let article = '';
  let countedRequests = 0;
  let counted = 0;
  for (const counting of [false, true, false, true, false, true]) {
    const server = await startBenchServer({ port: PORT, pgPort: PG_PORT, dataDir: DATA_DIR, env: { MASTHEAD_AUDIENCE: counting ? 'on' : 'off', MASTHEAD_AUDIENCE_FLUSH_MS: '1000' } });
    const base = server.base;
    try {
      article ||= `/canyon-crest/articles/${/href="\/canyon-crest\/articles\/([^"]+)"/.exec(await (await fetch(`${base}/canyon-crest`)).text())![1]}`;
      // Warm: the page is rendered once and kept; these are counted too, when counting is on.
      for (let index = 0; index < 20; index++) await (await fetch(`${base}${article}`, { headers: { 'user-agent': BROWSER } })).arrayBuffer();
      log(`counting ${counting ? 'on' : 'off'}: wrk ${SECONDS} s…`);
      const result = wrk(`${base}${article}`, { connections: 50, seconds: SECONDS, headers: ['Accept-Encoding: gzip', `User-Agent: ${BROWSER}`] });
      runs.push({ counting, ...result });
      if (counting) countedRequests += result.requests + 20;
      // While the server (and database) is up: is every request counted? The server writes its
      // counts every second; give it up to ten seconds to catch up.
      if (counting) {
        for (let attempt = 0; attempt < 40 && counted < countedRequests; attempt++) {
          counted = await viewsOf(article);
          if (counted < countedRequests) await new Promise((resolve) => setTimeout(resolve, 250));
        }
      }
    } finally {
      await server.stop();
    }
  }
  // Medians of three: the machine's own drift (a shared virtual machine) moves single runs by more
  // than the difference measured.
  const median = (counting: boolean) =>
    runs
      .filter((run) => run.counting === counting)
      .map((run) => run.rps)
      .sort((a, b) => a - b)[1]!;
  const ratio = median(true) / median(false);
  const section = `## Audience counting (\`npm run bench:audience\`)

Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown'}, Node ${process.version}. The demo paper's article page served from the page cache, wrk 2 threads × 50 connections × ${SECONDS} s, gzip, a browser's user agent (so every request counts), counting off and on alternately, three times each.

| Run | Counting | req/s | p99 |
|---|---|---|---|
${runs.map((run, index) => `| ${index + 1} | ${run.counting ? 'on' : 'off'} | ${Math.round(run.rps)} | ${run.p99Ms} ms |`).join('\n')}

Median with counting on ÷ median with counting off: **${ratio.toFixed(3)}×** (target ≥ 0.95×: ${ratio >= 0.95 ? 'met' : '**missed**'}). Views counted for the page: **${counted}** for the ${countedRequests} requests wrk and the warm-up saw answered with counting on (${
    counted >= countedRequests && counted <= countedRequests + 50 * 3 ? 'every one; the few more are requests still in flight when wrk stopped its clock, which it does not count' : '**not equal**'
  }).
`;
  const file = path.join(projectRoot, 'docs/BENCHMARKS.md');
  const existing = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const without = existing.replace(/\n## Audience counting[\s\S]*?(?=\n## |$)/, '').trimEnd();
  writeFileSync(file, `${without}\n\n${section}`);
  console.log(section);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
