// `npm test`: every test. Vitest (unit and data-layer tests on a real embedded PostgreSQL), then
// Playwright in Chromium against the app started the way `npm run dev` starts it, from an empty
// data directory. Exits non-zero if either fails.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from './lib/database';

function run(label: string, command: string, args: string[], env: NodeJS.ProcessEnv = process.env): boolean {
  console.log(`\n=== ${label} ===`);
  const result = spawnSync(command, args, { cwd: projectRoot, stdio: 'inherit', env });
  return result.status === 0;
}

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const unitPassed = run('unit and data tests (Vitest)', npx, ['vitest', 'run']);

rmSync(path.join(projectRoot, process.env.E2E_DATA_DIR ?? '.data/e2e'), { recursive: true, force: true });
const e2eEnv = { ...process.env };
// The e2e server must start from nothing, as on a fresh clone, so it gets no DATABASE_URL.
delete e2eEnv.DATABASE_URL;
const e2ePassed = run('browser tests (Playwright, Chromium)', npx, ['playwright', 'test'], e2eEnv);

console.log(`\nunit: ${unitPassed ? 'passed' : 'FAILED'}, e2e: ${e2ePassed ? 'passed' : 'FAILED'}`);
process.exit(unitPassed && e2ePassed ? 0 : 1);
