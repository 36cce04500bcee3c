// `npm run bench:render`: what a reader page costs when no cache holds it (the first reader after a
// publish, a crawler on an old story), against the framework's floors — a plain Next route and a
// bare page in the same build answering the same HTML from memory (lib/serving/bench-floor.ts). Every request asks
// for the page under a query string no one asked for before, so the page cache misses and the page
// is rendered (its data may come from the reader cache, as in production). wrk (2 threads, 20
// connections, in its own process) drives both, alternating, twice each; the server's own CPU time
// per request is read from /proc. The figures go into docs/BENCHMARKS.md under "Uncached reader pages".
//   --no-build    reuse the last build in .next-bench
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BENCH_DIST_DIR, againstFloor, buildForBench, startBenchServer } from './lib/bench-server.ts';
import { projectRoot } from './lib/database.ts';

const PORT = 3402;
const PG_PORT = Number(process.env.MASTHEAD_BENCH_PG_PORT ?? 54396);
const DATA_DIR = '.data/bench-render';
const SECONDS = 8;
const CONNECTIONS = 20;
const TARGETS = { ratio: 0.5, rps: 250, p99Ms: 150, cpuMs: 5 };
const log = (line: string) => console.log(`[bench:render] ${line}`);

async function main(): Promise<void> {
  if (!process.argv.includes('--no-build') || !existsSync(path.join(projectRoot, BENCH_DIST_DIR, 'BUILD_ID'))) buildForBench(log);
  rmSync(path.join(projectRoot, DATA_DIR), { recursive: true, force: true });
  const floorDir = mkdtempSync(path.join(os.tmpdir(), 'masthead-floor-'));
  const server = await startBenchServer({
    port: PORT,
    pgPort: PG_PORT,
    dataDir: DATA_DIR,
    env: { MASTHEAD_AUDIENCE: 'off', MASTHEAD_BACKGROUND: 'off', MASTHEAD_BENCH_FLOOR_DIR: floorDir },
  });
  const rows: string[] = [];
  try {
    const front = await (await fetch(`${server.base}/canyon-crest`)).text();
    const pages: Record<string, string> = {
      article: `/canyon-crest/articles/${/href="\/canyon-crest\/articles\/([^"]+)"/.exec(front)![1]}`,
      front: '/canyon-crest',
      section: `/canyon-crest/sections/${/href="\/canyon-crest\/sections\/([^"]+)"/.exec(front)![1]}`,
      search: '/canyon-crest/search?q=China',
    };
    for (const [name, page] of Object.entries(pages)) {
      log(`${name}…`);
      const measured = await againstFloor(server, floorDir, name, page, { connections: CONNECTIONS, seconds: SECONDS, rounds: 2 });
      const { ratio, page: rendered, floor, pageFloor } = measured;
      const met = (ok: boolean) => (ok ? 'met' : '**missed**');
      rows.push(
        `| ${name} (${measured.bytes.toLocaleString('en-US')} bytes) | ${Math.round(floor.rps)} | ${Math.round(pageFloor.rps)} (${(pageFloor.rps / floor.rps).toFixed(2)}×) | ${Math.round(rendered.rps)} | **${ratio.toFixed(2)}×** | ${rendered.p99Ms.toFixed(0)} ms | ${floor.cpuMs.toFixed(2)} / ${pageFloor.cpuMs.toFixed(2)} / **${rendered.cpuMs.toFixed(2)} ms** | ${met(ratio >= TARGETS.ratio)}, ${met(rendered.rps >= TARGETS.rps)}, ${met(rendered.p99Ms < TARGETS.p99Ms)}, ${met(rendered.cpuMs <= TARGETS.cpuMs)} |`,
      );
    }
  } finally {
    await server.stop();
    rmSync(floorDir, { recursive: true, force: true });
  }
  const section = `## Uncached reader pages (\`npm run bench:render\`)

Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown'}, Node ${process.version}, the demo paper. Each page under a query string never asked for before (the page cache misses; its data may come from the reader cache, as in production) against the framework's floors (lib/serving/bench-floor.ts), both answering the same HTML from memory: a plain Next route handler in the same build (the targets' reference), and a page component returning that HTML as one element, which is what the App Router's page pipeline costs before any component or data of ours. The pages themselves are rendered by the production server without that pipeline (server/direct-render.tsx): the same page modules, rendered once to HTML. wrk, 2 threads × ${CONNECTIONS} connections × ${SECONDS} s, alternating, two rounds each after a warm-up; CPU is the server process's own (from /proc), per request answered.

| Page | route floor req/s | page floor req/s (÷ route floor) | page req/s | page ÷ route floor | page p99 | CPU per request: route floor / page floor / page | Targets: ≥ ${TARGETS.ratio}×, ≥ ${TARGETS.rps} req/s, p99 < ${TARGETS.p99Ms} ms, ≤ ${TARGETS.cpuMs} ms |
|---|---|---|---|---|---|---|---|
${rows.join('\n')}
`;
  const file = path.join(projectRoot, 'docs/BENCHMARKS.md');
  const existing = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const without = existing.replace(/\n## Uncached reader pages[\s\S]*?(?=\n## |$)/, '').trimEnd();
  writeFileSync(file, `${without}\n\n${section}`);
  console.log(section);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
