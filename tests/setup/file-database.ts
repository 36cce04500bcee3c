// Each test file gets a fresh database cloned from the migrated template, so files can run in
// parallel and never see each other's rows.
import { randomBytes } from 'node:crypto';
import { afterAll, inject } from 'vitest';
import { createDatabaseFromTemplate, databaseUrlFor, withPgClient } from '../../scripts/lib/database';

const adminUrl = inject('adminDatabaseUrl');
const template = inject('templateDatabase');
const database = `masthead_test_${randomBytes(6).toString('hex')}`;

await createDatabaseFromTemplate(adminUrl, database, template);
process.env.DATABASE_URL = databaseUrlFor(adminUrl, database);

afterAll(async () => {
  const { disconnectDb } = await import('../../lib/db.ts');
  await disconnectDb();
  await withPgClient(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
});
