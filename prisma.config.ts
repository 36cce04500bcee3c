import { defineConfig } from 'prisma/config';

// The CLI is always started through scripts/prisma.ts, which resolves DATABASE_URL (embedded
// PostgreSQL when unset) and points PRISMA_SCHEMA_ENGINE_BINARY at our wasm-backed stand-in.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: {
    path: 'prisma/migrations',
    seed: 'tsx prisma/seed.ts',
  },
  datasource: {
    url: process.env.DATABASE_URL ?? '',
  },
});
