// The one Prisma client. It is created on first use, so a process can choose its DATABASE_URL
// (tests give each file its own database) before anything queries.
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/prisma/client.ts';

export type Database = PrismaClient;

const globalForPrisma = globalThis as unknown as { mastheadPrisma?: PrismaClient };

function createClient(): PrismaClient {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) {
    throw new Error('DATABASE_URL is not set. Start the app with `npm run dev`, which provides a database.');
  }
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) }) });
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
