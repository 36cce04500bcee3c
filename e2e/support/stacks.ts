// Every browser-test worker's deployment, as it ships: `next build` into the e2e build folder once,
// then for each worker the server `npm start` runs (scripts/serve.ts --production) on an empty
// database of its own, and a mail catcher of its own. Says "e2e stacks ready" once all of them
// answer; a SIGTERM stops them all. E2E_REUSE_BUILD=1 skips the build when one exists, for a
// developer re-running a spec; the test command builds just before.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { e2eDistDir, e2eStack, e2eWorkers } from '../../playwright.config';
import { waitForHealth } from './second-server';

const projectRoot = path.resolve(import.meta.dirname, '../..');
const reuse = process.env.E2E_REUSE_BUILD === '1' && existsSync(path.join(projectRoot, e2eDistDir, 'BUILD_ID'));

if (!reuse) {
  const built = spawnSync(process.execPath, [path.join(projectRoot, 'node_modules/next/dist/bin/next'), 'build'], {
    cwd: projectRoot,
    stdio: 'inherit',
    env: { ...process.env, NEXT_DIST_DIR: e2eDistDir, NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (built.status !== 0) {
    console.error('[e2e] next build failed');
    process.exit(1);
  }
}

const children: ChildProcess[] = [];
let stopping = false;

function start(args: string[], env: Record<string, string>): void {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: projectRoot, stdio: 'inherit', env: { ...process.env, ...env } });
  // Said loudly, but the rest keep running: the specs that needed it fail on their own, and the
  // others still tell whether their part works.
  child.on('exit', (code, signal) => {
    if (!stopping) console.error(`[e2e] ${args.join(' ')} exited early (${signal ?? code})`);
  });
  children.push(child);
}

async function stopAll(): Promise<never> {
  stopping = true;
  const running = children.filter((child) => child.exitCode === null && child.signalCode === null);
  await Promise.all(
    running.map(
      (child) =>
        new Promise((resolve) => {
          child.once('exit', resolve);
          child.kill('SIGTERM');
        }),
    ),
  );
  process.exit(0);
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void stopAll());

const stacks = Array.from({ length: e2eWorkers }, (_, index) => e2eStack(index));
for (const stack of stacks) {
  // Every run starts on an empty database, as on a fresh clone, whatever an earlier (perhaps
  // interrupted) run left in the throwaway data directory.
  rmSync(path.resolve(projectRoot, stack.serverEnv.MASTHEAD_DATA_DIR), { recursive: true, force: true });
  start([path.join(projectRoot, 'e2e/support/mail-catcher.ts')], stack.mailCatcherEnv);
  start([path.join(projectRoot, 'scripts/serve.ts'), '--production'], stack.serverEnv);
}

// Within the five minutes playwright.config.ts gives the whole start.
const deadline = Date.now() + 300_000;
await Promise.all(stacks.flatMap((stack) => [waitForHealth(`${stack.baseURL}/api/health`, deadline), waitForHealth(`${stack.mailCatcherURL}/health`, deadline)]));
console.log(`[e2e] e2e stacks ready: ${stacks.map((stack) => stack.baseURL).join(', ')}`);
