// What the wrk-driven benches share: the production server started as `npm start` starts it (on
// the bench build and a throwaway embedded database), waiting for it, and wrk's figures.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
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

export async function startBenchServer(options: { port: number; pgPort: number; dataDir: string; env?: Record<string, string> }): Promise<BenchServer> {
  const base = `http://127.0.0.1:${options.port}`;
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(projectRoot, 'scripts/serve.ts'), '--production'], {
    cwd: projectRoot,
    env: {
      ...process.env,
      PORT: String(options.port),
      NEXT_DIST_DIR: BENCH_DIST_DIR,
      MASTHEAD_DATA_DIR: options.dataDir,
      MASTHEAD_PG_PORT: String(options.pgPort),
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

export interface WrkRun {
  rps: number;
  requests: number;
  p99Ms: number;
}

/** One wrk run (2 threads); `script` is a Lua file that chooses each request, if any. */
export function wrk(url: string, options: { connections: number; seconds: number; headers?: string[]; script?: string }): WrkRun {
  const args = [
    '-t2',
    `-c${options.connections}`,
    `-d${options.seconds}s`,
    '--latency',
    ...(options.headers ?? []).flatMap((header) => ['-H', header]),
    ...(options.script ? ['-s', options.script] : []),
    url,
  ];
  const run = spawnSync('wrk', args, { encoding: 'utf8' });
  if (run.error) throw new Error('wrk is needed for this bench: apt-get install -y wrk');
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(run.stdout)?.[1]);
  const requests = Number(/(\d+) requests in/.exec(run.stdout)?.[1]);
  const p99 = /\s99%\s+([\d.]+)(us|ms|s)/.exec(run.stdout);
  const p99Ms = p99 ? Number(p99[1]) * (p99[2] === 'us' ? 0.001 : p99[2] === 's' ? 1000 : 1) : Number.NaN;
  if (!rps || /Non-2xx/.test(run.stdout)) throw new Error(`wrk run failed:\n${run.stdout}${run.stderr}`);
  return { rps, requests, p99Ms };
}
