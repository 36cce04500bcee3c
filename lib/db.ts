// The one Prisma client. It is created on first use, so a process can choose its DATABASE_URL
// (tests give each file its own database) before anything queries.
//
// Tenant tables sit under PostgreSQL row-level security (prisma/migrations/*_row_level_security):
// a statement sees a school's rows only inside a transaction whose masthead.tenant setting names
// that school. `dbFor(schoolId)` and `transactionFor(schoolId, …)` set it; plain `db` sets nothing
// and so sees no tenant rows at all (it serves users, sessions and the schools themselves).
// `dbFor(PLATFORM)` is the deliberate exception for work that spans schools.
import { AsyncLocalStorage } from 'node:async_hooks';
import { appendFileSync } from 'node:fs';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from './generated/prisma/client.ts';

export type Database = PrismaClient;

const globalForPrisma = globalThis as unknown as { mastheadPrisma?: PrismaClient; mastheadBackgroundPrisma?: PrismaClient; mastheadPools?: WeakMap<PrismaClient, pg.Pool> };

// Pool and timeouts, chosen on purpose (measured in docs/BENCHMARKS.md, overload row):
// - Requests get DATABASE_POOL_SIZE connections (16). The production server lets at most 4 reader
//   and 8 newsroom requests run at once (lib/serving/admission.ts), and each holds about one
//   connection at a time, so requests rarely wait for one.
// - Background work (scheduled publishing, mail) has its own pool of 2, so a burst of requests
//   cannot delay a scheduled publish and a slow SMTP round cannot hold connections readers need.
// - Waiting for a connection or a transaction slot: up to 10 s, not Prisma's 2 s. When the CPU is
//   saturated (a burst, a cold start), a short wait turned slowness into P2028 errors and 500s; the
//   admission lanes already refuse what cannot start in time, so what was let in should finish.
// - A transaction may run 15 s before it is rolled back: long enough for a large publish under
//   load, short enough that a stuck one does not hold its row locks for long.
const REQUEST_POOL_SIZE = Number(process.env.DATABASE_POOL_SIZE ?? 16);
const BACKGROUND_POOL_SIZE = 2;
const CONNECTION_WAIT_MS = 10_000;
const TRANSACTION_OPTIONS = { maxWait: CONNECTION_WAIT_MS, timeout: 15_000 };

// Each Prisma client's own pool, for the reads that go to a connection directly (rawReadFor). On
// globalThis with the clients: Next's bundles hold more than one copy of this module.
const poolOfClient = (globalForPrisma.mastheadPools ??= new WeakMap());

function createClient(poolSize: number): PrismaClient {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) {
    throw new Error('DATABASE_URL is not set. Start the app with `npm run dev`, which provides a database.');
  }
  const pool = new pg.Pool({ connectionString, max: poolSize, connectionTimeoutMillis: CONNECTION_WAIT_MS, idleTimeoutMillis: 30_000, Client: AppRoleClient });
  const sqlLog = process.env.MASTHEAD_SQL_LOG;
  if (sqlLog) pool.on('connect', (client) => logStatements(client, sqlLog));
  const client = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }), transactionOptions: TRANSACTION_OPTIONS });
  poolOfClient.set(client, pool);
  return client;
}

const ACT_AS_APP_ROLE = `DO $$ BEGIN
  IF (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AND EXISTS (SELECT FROM pg_roles WHERE rolname = 'masthead_app') THEN
    SET ROLE masthead_app;
  END IF;
END $$`;

/** A connection that, before the pool hands it out, stops being a superuser (who would bypass
 * row-level security). */
class AppRoleClient extends pg.Client {
  override connect(): Promise<pg.Client>;
  override connect(callback: (error: Error | null, client?: pg.Client) => void): void;
  override connect(callback?: (error: Error | null, client?: pg.Client) => void): Promise<pg.Client> | void {
    const ready = super
      .connect()
      .then(() => super.query(ACT_AS_APP_ROLE))
      .then(() => this as pg.Client);
    if (!callback) return ready;
    ready.then(
      (client) => callback(null, client),
      (error: Error) => callback(error),
    );
  }
}

// `npm run bench` counts the statements each reader page costs and EXPLAINs them: with
// MASTHEAD_SQL_LOG set, every statement (and its parameters) is appended to that file as a JSON line.
function logStatements(client: pg.PoolClient, file: string): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
    const [first, second] = args as [string | { text: string; values?: unknown[] }, unknown[] | undefined];
    const statement = typeof first === 'string' ? { text: first, values: Array.isArray(second) ? second : [] } : { text: first.text, values: first.values ?? [] };
    appendFileSync(file, JSON.stringify(statement, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value)) + '\n');
    return query(...args);
  };
}

const backgroundWork = new AsyncLocalStorage<true>();

/** Runs `work` on the background pool: every query inside it, however deep, uses that pool. */
export function asBackgroundWork<T>(work: () => Promise<T>): Promise<T> {
  return backgroundWork.run(true, work);
}

export function getDb(): PrismaClient {
  // Kept on globalThis so Next's hot reload does not open a new pool on every edit.
  if (backgroundWork.getStore()) return (globalForPrisma.mastheadBackgroundPrisma ??= createClient(BACKGROUND_POOL_SIZE));
  return (globalForPrisma.mastheadPrisma ??= createClient(REQUEST_POOL_SIZE));
}

/** A client resolved on first use of any of its members, so importing this module opens nothing. */
function resolvedOnUse<T extends object>(resolve: () => T): T {
  return new Proxy({} as T, {
    get(_target, property) {
      const client = resolve();
      const value = Reflect.get(client, property, client);
      return typeof value === 'function' ? value.bind(client) : value;
    },
  });
}

export const db: PrismaClient = resolvedOnUse(getDb);

export async function disconnectDb(): Promise<void> {
  await Promise.all([globalForPrisma.mastheadPrisma?.$disconnect(), globalForPrisma.mastheadBackgroundPrisma?.$disconnect()]);
  globalForPrisma.mastheadPrisma = undefined;
  globalForPrisma.mastheadBackgroundPrisma = undefined;
  tenantClients = new WeakMap();
}

/** The tenant that spans schools: only for the few reviewed jobs that must (grep for it). */
export const PLATFORM = 'platform';

function clientFor(base: PrismaClient, tenant: string) {
  return base.$extends({
    query: {
      async $allOperations({ args, query }) {
        // One short transaction per statement, so the setting is the transaction's own (is_local).
        const [, result] = await base.$transaction([base.$executeRaw`SELECT set_config('masthead.tenant', ${tenant}, true)`, query(args)]);
        return result;
      },
    },
  });
}

/** A client for one school's rows (or PLATFORM's). Interactive transactions go through
 * `transactionFor`, which sets the tenant once for the whole transaction. */
export type TenantDatabase = Omit<ReturnType<typeof clientFor>, '$transaction'>;

// Per pool (requests, background), per tenant.
let tenantClients = new WeakMap<PrismaClient, Map<string, TenantDatabase>>();

export function dbFor(tenant: string): TenantDatabase {
  if (!tenant) throw new Error('dbFor needs a school id (or PLATFORM).');
  const base = getDb();
  let clients = tenantClients.get(base);
  if (!clients) tenantClients.set(base, (clients = new Map()));
  let client = clients.get(tenant);
  if (!client) {
    client = clientFor(base, tenant);
    clients.set(tenant, client);
    if (clients.size > 1000) clients.delete(clients.keys().next().value!);
  }
  return client;
}

/** dbFor(PLATFORM), resolved on use: for seeds, backups, tests and the few cross-school jobs. */
export const platformDb: TenantDatabase = resolvedOnUse(() => dbFor(PLATFORM));

type TransactionOptions = Parameters<PrismaClient['$transaction']>[1];

/** Moves an open transaction to another tenant: for PLATFORM work that, having found its school,
 * continues as that school alone. */
export async function actAsTenant(tx: Prisma.TransactionClient, tenant: string): Promise<void> {
  await tx.$executeRaw`SELECT set_config('masthead.tenant', ${tenant}, true)`;
}

// What a transaction asks to be done once it has committed, by its client.
const committedWork = new WeakMap<Prisma.TransactionClient, (() => void)[]>();

/** Runs `then` in this process once the transaction commits (never if it rolls back): for what must
 * follow a write here at once, where other processes learn of it by NOTIFY a moment later. */
export function afterCommit(tx: Prisma.TransactionClient, then: () => void): void {
  committedWork.set(tx, [...(committedWork.get(tx) ?? []), then]);
}

export async function transactionFor<T>(tenant: string, work: (tx: Prisma.TransactionClient) => Promise<T>, options?: TransactionOptions): Promise<T> {
  if (!tenant) throw new Error('transactionFor needs a school id (or PLATFORM).');
  const opened: { tx?: Prisma.TransactionClient } = {};
  const result = await getDb().$transaction(async (tx) => {
    opened.tx = tx;
    await actAsTenant(tx, tenant);
    return work(tx);
  }, options);
  for (const then of (opened.tx && committedWork.get(opened.tx)) ?? []) then();
  return result;
}

// Timestamps without a time zone hold UTC, as Prisma writes and reads them; node-postgres's own
// parser would read them as the server's local time.
const TIMESTAMP_WITHOUT_TIME_ZONE = 1114;
const RAW_READ_TYPES = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === TIMESTAMP_WITHOUT_TIME_ZONE && format !== 'binary' ? (value: string) => new Date(`${value.replace(' ', 'T')}Z`) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/** One read-only statement's rows, as one school, on a connection of the same pool taken directly:
 * for a hot read that is raw SQL already (reader search). `dbFor(…).$queryRaw` frames it in
 * Prisma's transaction, which costs about 0.9 ms of CPU per statement where the same four round
 * trips (BEGIN, the school, the statement, COMMIT) cost 0.3 ms on the connection itself. */
export async function rawReadFor<Row>(tenant: string, statement: Prisma.Sql): Promise<Row[]> {
  if (!tenant) throw new Error('rawReadFor needs a school id (or PLATFORM).');
  const connection = await poolOfClient.get(getDb())!.connect();
  let committed = false;
  try {
    await connection.query('BEGIN READ ONLY');
    await connection.query(`SELECT set_config('masthead.tenant', $1, true)`, [tenant]);
    const { rows } = await connection.query<Row & pg.QueryResultRow>({ text: statement.text, values: statement.values, types: RAW_READ_TYPES });
    await connection.query('COMMIT');
    committed = true;
    return rows;
  } finally {
    // A connection left inside a failed transaction is closed, never handed to the next request.
    connection.release(!committed);
  }
}

/** A page's reads in one read-only transaction of one school: the school is set once and the
 * statements share one connection, where `dbFor` pays a transaction (BEGIN, set, query, COMMIT)
 * and a connection per statement. Await the reads one after another: a transaction's statements
 * run one at a time on its connection anyway. Nothing inside can write. */
export function readsFor<T>(tenant: string, work: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  return transactionFor(tenant, async (tx) => {
    await tx.$executeRaw`SET TRANSACTION READ ONLY`;
    return work(tx);
  });
}

import type { Prisma } from './generated/prisma/client.ts';
export { Prisma } from './generated/prisma/client.ts';
export type * from './generated/prisma/client.ts';
