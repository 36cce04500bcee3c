// The one Prisma client. It is created on first use, so a process can choose its DATABASE_URL
// (tests give each file its own database) before anything queries.
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
  const pool = new pg.Pool({ connectionString, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
  const sqlLog = process.env.MASTHEAD_SQL_LOG;
  if (sqlLog) pool.on('connect', (client) => logStatements(client, sqlLog));
  return new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
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

export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const client = getDb();
    const value = Reflect.get(client, property, client);
    return typeof value === 'function' ? value.bind(client) : value;
  },
});

export async function disconnectDb(): Promise<void> {
  await globalForPrisma.mastheadPrisma?.$disconnect();
  globalForPrisma.mastheadPrisma = undefined;
}

export { Prisma } from './generated/prisma/client.ts';
export type * from './generated/prisma/client.ts';
