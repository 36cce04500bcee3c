// `npm run dev` and `npm start` (--production) both run this: the database (embedded PostgreSQL unless
// DATABASE_URL is set), migrations, the demo seed on an empty database, then Next.js. Signals are
// forwarded to Next, and the embedded database stops when Next exits.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DatabaseStartError, projectRoot, startConfiguredDatabase } from './lib/database';
import { applyMigrations } from './lib/prisma-cli';
import { purgeSettingsFromEnvironment } from '../lib/serving/cdn.ts';

const production = process.argv.includes('--production');
const port = process.env.PORT ?? '3000';
const dataRoot = path.resolve(projectRoot, process.env.MASTHEAD_DATA_DIR ?? '.data');

function developmentSecret(): string {
  // A stable secret per checkout, so dev sessions survive restarts; never used in production.
  const file = path.join(dataRoot, 'nextauth-secret');
  if (!existsSync(file)) {
    mkdirSync(dataRoot, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}

async function seedIfEmpty(databaseUrl: string): Promise<void> {
  process.env.DATABASE_URL = databaseUrl;
  const { db, disconnectDb } = await import('../lib/db.ts');
  const schools = await db.school.count();
  if (schools === 0) {
    const { seedDemo } = await import('../prisma/seed.ts');
    await seedDemo();
    // The development server's demo paper also gets its photo stories, so a newcomer's first front
    // page looks like a newspaper's; `npm start` (and the browser tests) keep the plain demo.
    if (!production) {
      const { seedShowcase } = await import('../prisma/showcase.ts');
      await seedShowcase();
    }
    console.log('[masthead] seeded the demo schools (see README for the demo accounts)');
  }
  await disconnectDb();
}

async function main(): Promise<void> {
  try {
    purgeSettingsFromEnvironment();
  } catch (error) {
    console.error(`[masthead] ${(error as Error).message}`);
    process.exit(1);
  }
  let database;
  try {
    database = await startConfiguredDatabase();
  } catch (error) {
    if (error instanceof DatabaseStartError) {
      console.error(`\n[masthead] ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  console.log(`[masthead] database: ${database.embedded ? `embedded PostgreSQL (${database.url.replace(/:[^:@/]+@/, ':***@')})` : 'DATABASE_URL'}`);

  try {
    await applyMigrations(database.url, { quiet: true });
    await seedIfEmpty(database.url);
  } catch (error) {
    console.error(`[masthead] could not prepare the database: ${(error as Error).message}`);
    await database.stop();
    process.exit(1);
  }

  if (production && !process.env.NEXTAUTH_SECRET) {
    console.error('[masthead] NEXTAUTH_SECRET must be set in production.');
    await database.stop();
    process.exit(1);
  }
  const env = {
    ...process.env,
    DATABASE_URL: database.url,
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? developmentSecret(),
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
    NEXT_TELEMETRY_DISABLED: '1',
    PORT: port,
    ...(production ? { NODE_ENV: 'production' as const } : {}),
  };
  const nextBin = path.join(projectRoot, 'node_modules/next/dist/bin/next');
  const command = production
    ? ['--import', 'tsx', path.join(projectRoot, 'scripts/production-server.ts')]
    : [nextBin, 'dev', '--webpack', '--port', port, '--hostname', process.env.HOST ?? '127.0.0.1'];
  const next = spawn(process.execPath, command, {
    cwd: projectRoot,
    env,
    stdio: 'inherit',
  });

  let stopping = false;
  const forward = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    next.kill(signal);
  };
  process.on('SIGINT', () => forward('SIGINT'));
  process.on('SIGTERM', () => forward('SIGTERM'));
  next.on('exit', async (code) => {
    await database.stop();
    process.exit(code ?? 0);
  });
}

await main();
