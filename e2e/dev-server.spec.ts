// The newcomer's path: `npm run dev` on an empty data directory brings up its own PostgreSQL,
// migrates, seeds the demo schools and serves them through the development server; Ctrl-C stops
// all of it. (Every other spec runs against the production build.)
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { e2eOwnStack } from '../playwright.config';

const projectRoot = path.resolve(import.meta.dirname, '..');
const { devPort: port, devDatabasePort: databasePort } = e2eOwnStack;
const dataDir = `.data/e2e-dev-${port}`;
const origin = `http://127.0.0.1:${port}`;

function portIsFree(candidate: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(candidate, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(false)));
    socket.once('error', () => resolve(true));
  });
}

test('npm run dev starts from an empty data directory, serves the demo paper and stops cleanly', async ({ page }) => {
  test.setTimeout(300_000);
  rmSync(path.join(projectRoot, dataDir), { recursive: true, force: true });
  const { DATABASE_URL: _ignored, ...environment } = process.env;
  const dev = spawn('npm', ['run', 'dev'], {
    cwd: projectRoot,
    detached: true,
    stdio: 'ignore',
    env: { ...environment, PORT: String(port), MASTHEAD_DATA_DIR: dataDir, MASTHEAD_PG_PORT: String(databasePort), NEXT_DIST_DIR: '.next-e2e-dev', NEXTAUTH_URL: origin, MASTHEAD_BACKGROUND: 'off' },
  });
  const exited = new Promise<number | null>((resolve) => dev.on('exit', resolve));
  try {
    // Straight to the paper: the first visit compiles its route (the slow part of a cold
    // development server); compiling the health route first as well cost another 6 s.
    await expect.poll(async () => (await fetch(`${origin}/canyon-crest`).catch(() => null))?.status, { timeout: 180_000, message: 'npm run dev serves the front page' }).toBe(200);
    const response = await page.goto(`${origin}/canyon-crest`);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('link', { name: 'The Raven Report' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'North Korean Troops Head to Russia, Unsettling Allies and Beijing' })).toBeVisible();
    // The development demo's front page has pictures: its photo stories, published through the
    // workflow, lead it with their photos. (That the photos load and in which formats is the
    // production photo spec's to show; waiting here for the development server to compile the media
    // route and encode them cost the smoke 10–20 s.)
    await expect(page.getByRole('img', { name: 'A lone performer in a spotlight between red stage curtains' })).toHaveAttribute('src', /^\/canyon-crest\/media\/[a-z0-9]+-(?:\d+|full)\.jpg$/);
    await expect(page.getByRole('img', { name: 'Two players in maroon jerseys under stadium lights at dusk, the ball in the air between them' })).toBeAttached();
  } finally {
    // Ctrl-C reaches the whole process group, as in a terminal.
    process.kill(-dev.pid!, 'SIGINT');
  }
  await exited;
  // Stopping the app stopped its database too.
  await expect.poll(() => portIsFree(databasePort), { timeout: 30_000 }).toBe(true);
  await expect.poll(() => portIsFree(port), { timeout: 30_000 }).toBe(true);
});
