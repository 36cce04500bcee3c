// `npm test`: every test. Vitest (unit and data-layer tests on a real embedded PostgreSQL), then
// Playwright in Chromium against the app started the way `npm run dev` starts it, from an empty
// data directory. Exits non-zero if either fails.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from './lib/database';

function run(label: string, command: string, args: string[], env: NodeJS.ProcessEnv = process.env): boolean {
  console.log(`\n=== ${label} ===`);
  const result = spawnSync(command, args, { cwd: projectRoot, stdio: 'inherit', env });
  return result.status === 0;
}

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const reports = path.join(projectRoot, '.data/test-reports');
rmSync(reports, { recursive: true, force: true });
const vitestReport = path.join(reports, 'vitest.json');
const playwrightReport = path.join(reports, 'playwright.json');
const unitPassed = run('unit and data tests (Vitest)', npx, ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestReport}`]);

rmSync(path.join(projectRoot, process.env.E2E_DATA_DIR ?? '.data/e2e'), { recursive: true, force: true });
const e2eEnv = { ...process.env };
// The e2e server must start from nothing, as on a fresh clone, so it gets no DATABASE_URL.
delete e2eEnv.DATABASE_URL;
const e2ePassed = run('browser tests (Playwright, Chromium)', npx, ['playwright', 'test'], { ...e2eEnv, PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport });

function readJson(file: string): Record<string, unknown> | null {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : null;
}
const vitest = readJson(vitestReport) as { numPassedTests?: number; numFailedTests?: number } | null;
const playwright = readJson(playwrightReport) as { stats?: { expected?: number; unexpected?: number; flaky?: number } } | null;
const passed = (vitest?.numPassedTests ?? 0) + (playwright?.stats?.expected ?? 0) + (playwright?.stats?.flaky ?? 0);
const countedFailures = (vitest?.numFailedTests ?? 0) + (playwright?.stats?.unexpected ?? 0);
// A suite that crashed before reporting still counts as a failure.
const failed = countedFailures > 0 || (unitPassed && e2ePassed) ? countedFailures : 1;

console.log(`\nunit: ${unitPassed ? 'passed' : 'FAILED'}, e2e: ${e2ePassed ? 'passed' : 'FAILED'}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(unitPassed && e2ePassed ? 0 : 1);
