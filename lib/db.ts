// The one Prisma client. It is created on first use, so a process can choose its DATABASE_URL
// (tests give each file its own database) before anything queries.
//
// Tenant tables sit under PostgreSQL row-level security (prisma/migrations/*_row_level_security):
// a statement sees a school's rows only inside a transaction whose masthead.tenant setting names
// that school. `dbFor(schoolId)` and `transactionFor(schoolId, …)` set it; plain `db` sets nothing
// and so sees no tenant rows at all (it serves users, sessions and the schools themselves).
// `dbFor(PLATFORM)` is the deliberate exception for work that spans schools.
import { appendFileSync } from 'node:fs';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from './generated/prisma/client.ts';

export type Database = PrismaClient;

const globalForPrisma = globalThis as unknown as { mastheadPrisma?: PrismaClient };

function createClient(): PrismaClient {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) {
    throw new Error('DATABASE_URL is not set. Start the app with `npm run dev`, which provides a database.');
  }
  const pool = new pg.Pool({ connectionString, max: Number(process.env.DATABASE_POOL_SIZE ?? 10), Client: AppRoleClient });
  const sqlLog = process.env.MASTHEAD_SQL_LOG;
  if (sqlLog) pool.on('connect', (client) => logStatements(client, sqlLog));
  return new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
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
    const ready = super.connect().then(() => super.query(ACT_AS_APP_ROLE)).then(() => this as pg.Client);
    if (!callback) return ready;
    ready.then((client) => callback(null, client), (error: Error) => callback(error));
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

export function getDb(): PrismaClient {
  // Kept on globalThis so Next's hot reload does not open a new pool on every edit.
  globalForPrisma.mastheadPrisma ??= createClient();
  return globalForPrisma.mastheadPrisma;
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
  await globalForPrisma.mastheadPrisma?.$disconnect();
  globalForPrisma.mastheadPrisma = undefined;
  tenantClients.clear();
}

/** The tenant that spans schools: only for the few reviewed jobs that must (grep for it). */
export const PLATFORM = 'platform';

function clientFor(tenant: string) {
  const base = getDb();
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

const tenantClients = new Map<string, TenantDatabase>();

export function dbFor(tenant: string): TenantDatabase {
  if (!tenant) throw new Error('dbFor needs a school id (or PLATFORM).');
  let client = tenantClients.get(tenant);
  if (!client) {
    client = clientFor(tenant);
    tenantClients.set(tenant, client);
    if (tenantClients.size > 1000) tenantClients.delete(tenantClients.keys().next().value!);
  }
  return client;
}

/** dbFor(PLATFORM), resolved on use: for seeds, backups, tests and the few cross-school jobs. */
export const platformDb: TenantDatabase = resolvedOnUse(() => dbFor(PLATFORM));

type TransactionOptions = Parameters<PrismaClient['$transaction']>[1];

/** Moves an open transaction to another tenant: for PLATFORM work that, having found its school,
 * continues as that school alone. */
export async function useTenant(tx: Prisma.TransactionClient, tenant: string): Promise<void> {
  await tx.$executeRaw`SELECT set_config('masthead.tenant', ${tenant}, true)`;
}

export function transactionFor<T>(tenant: string, work: (tx: Prisma.TransactionClient) => Promise<T>, options?: TransactionOptions): Promise<T> {
  if (!tenant) throw new Error('transactionFor needs a school id (or PLATFORM).');
  return getDb().$transaction(async (tx) => {
    await useTenant(tx, tenant);
    return work(tx);
  }, options);
}

import type { Prisma } from './generated/prisma/client.ts';
export { Prisma } from './generated/prisma/client.ts';
export type * from './generated/prisma/client.ts';
