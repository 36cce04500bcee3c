// The app as it ships, for the browser tests: `next build` into the e2e build folder, then the
// server `npm start` runs (scripts/serve.ts --production). E2E_REUSE_BUILD=1 skips the build when one
// exists, for a developer re-running a spec; the test command always builds.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';

const projectRoot = path.resolve(import.meta.dirname, '../..');
const distDir = process.env.NEXT_DIST_DIR ?? '.next-e2e';
const reuse = process.env.E2E_REUSE_BUILD === '1' && existsSync(path.join(projectRoot, distDir, 'BUILD_ID'));

if (!reuse) {
  const built = spawnSync(process.execPath, [path.join(projectRoot, 'node_modules/next/dist/bin/next'), 'build'], { cwd: projectRoot, stdio: 'inherit', env: process.env });
  if (built.status !== 0) {
    console.error('[e2e] next build failed');
    process.exit(1);
  }
}

// Every run starts on an empty database, as on a fresh clone, whatever an earlier (perhaps
// interrupted) run left in the throwaway data directory.
rmSync(path.resolve(projectRoot, process.env.MASTHEAD_DATA_DIR ?? '.data/e2e'), { recursive: true, force: true });

const server = spawn(process.execPath, ['--import', 'tsx', path.join(projectRoot, 'scripts/serve.ts'), '--production'], { cwd: projectRoot, stdio: 'inherit', env: process.env });
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
