// One PostgreSQL for the whole unit-test run: the embedded server on its own port and data
// directory (or the server DATABASE_URL names), with a migrated template database that each test
// file clones into a database of its own.
import { rmSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { databaseUrlFor, ensureDatabaseExists, projectRoot, startEmbeddedDatabase, withPgClient, type RunningDatabase } from '../../scripts/lib/database';
import { applyMigrations } from '../../scripts/lib/prisma-cli';

export const TEMPLATE_DATABASE = 'masthead_test_template';

declare module 'vitest' {
  export interface ProvidedContext {
    adminDatabaseUrl: string;
    templateDatabase: string;
  }
}

export default async function setup(project: TestProject) {
  let server: RunningDatabase | null = null;
  let adminUrl: string;
  if (process.env.DATABASE_URL) {
    adminUrl = databaseUrlFor(process.env.DATABASE_URL, 'postgres');
  } else {
    const dataDir = path.join(projectRoot, '.data/test-postgres');
    rmSync(dataDir, { recursive: true, force: true });
    server = await startEmbeddedDatabase({ dataDir, port: Number(process.env.MASTHEAD_TEST_PG_PORT ?? 54339), database: 'postgres', ephemeral: true });
    adminUrl = server.url;
  }

  await withPgClient(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE} WITH (FORCE)`));
  await ensureDatabaseExists(adminUrl, TEMPLATE_DATABASE);
  await applyMigrations(databaseUrlFor(adminUrl, TEMPLATE_DATABASE), { quiet: true });

  project.provide('adminDatabaseUrl', adminUrl);
  project.provide('templateDatabase', TEMPLATE_DATABASE);
  return async () => {
    await server?.stop();
  };
}
