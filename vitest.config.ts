import { defineConfig } from 'vitest/config';
import path from 'node:path';

export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname), 'server-only': path.resolve(import.meta.dirname, 'tests/setup/server-only.ts') } },
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/setup/global-database.ts'],
    setupFiles: ['tests/setup/file-database.ts'],
    pool: 'forks',
    // Three files at a time on two cores: much of a data-layer test is waiting on PostgreSQL, so one
    // worker per core left the cores idle half the time (181 s serially, about 110 s like this).
    maxWorkers: 3,
    // Files share a worker's loaded modules instead of importing Prisma and the app afresh each
    // (that was 40 % of the run). Safe because nothing keeps a file's state across files: each file
    // has its own database, and its afterAll disconnects and forgets the clients (lib/db.ts).
    isolate: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
