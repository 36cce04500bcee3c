// A second copy of the server under test (the same build, as `npm start` runs it) on the same
// database: what an operator's restart brings back. Specs that stop or crash a server use it.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, openSync } from 'node:fs';
import path from 'node:path';
import { e2eOwnStack, e2eServerEnv } from '../../playwright.config';

export const SECOND_PORT = e2eOwnStack.secondPort;
export const e2eDatabaseUrl = `postgresql://masthead:masthead@127.0.0.1:${e2eServerEnv.MASTHEAD_PG_PORT}/masthead`;
const projectRoot = path.resolve(import.meta.dirname, '../..');

/** Starts it in a process group of its own (so it can be stopped, or killed, whole). What it logs
 * goes to test-results/second-server-<port>.log, to read when a spec using it fails. */
export function startSecondServer(environment: Record<string, string> = {}): ChildProcess {
  mkdirSync(path.join(projectRoot, 'test-results'), { recursive: true });
  const log = openSync(path.join(projectRoot, `test-results/second-server-${SECOND_PORT}.log`), 'a');
  return spawn(process.execPath, ['--import', 'tsx', 'scripts/serve.ts', '--production'], {
    cwd: projectRoot,
    detached: true,
    stdio: ['ignore', log, log],
    env: {
      ...process.env,
      ...e2eServerEnv,
      DATABASE_URL: e2eDatabaseUrl,
      PORT: String(SECOND_PORT),
      MASTHEAD_DATA_DIR: `${e2eServerEnv.MASTHEAD_DATA_DIR}-restart`,
      NEXTAUTH_URL: `http://127.0.0.1:${SECOND_PORT}`,
      ...environment,
    },
  });
}

export async function waitForHealth(url: string, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    const ok = await fetch(url)
      .then((response) => response.ok)
      .catch(() => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${url} did not come up`);
}

/** Stops (SIGTERM) or crashes (SIGKILL) the whole server and waits until it is gone. */
export async function stopSecondServer(server: ChildProcess, signal: 'SIGTERM' | 'SIGKILL'): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise((resolve) => server.once('exit', resolve));
  process.kill(-server.pid!, signal);
  await exited;
}
