import { readdirSync } from 'node:fs';
import path from 'node:path';
import type pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { databaseUrlFor, projectRoot, withPgClient } from '../../scripts/lib/database';
import { applyMigrations, runPrismaCli } from '../../scripts/lib/prisma-cli';

const adminUrl = inject('adminDatabaseUrl');

async function query<T extends pg.QueryResultRow>(url: string, sql: string, values: unknown[] = []): Promise<T[]> {
  return withPgClient(url, async (client) => (await client.query<T>(sql, values)).rows);
}

describe('migrations', () => {
  it('apply to an empty database and leave it up to date', async () => {
    const database = `masthead_empty_${Date.now()}`;
    await query(adminUrl, `CREATE DATABASE ${database}`);
    const url = databaseUrlFor(adminUrl, database);
    try {
      await applyMigrations(url, { quiet: true });
      const migrationDirs = readdirSync(path.join(projectRoot, 'prisma/migrations'), { withFileTypes: true }).filter((entry) => entry.isDirectory());
      const applied = await query<{ migration_name: string }>(url, 'SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL');
      expect(applied.map((row) => row.migration_name).sort()).toEqual(migrationDirs.map((entry) => entry.name).sort());

      const tables = await query<{ table_name: string }>(url, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'");
      expect(tables.map((row) => row.table_name)).toEqual(
        expect.arrayContaining(['schools', 'memberships', 'articles', 'article_revisions', 'bylines', 'workflow_events', 'editions', 'edition_articles', 'comments', 'media', 'accounts', 'sessions']),
      );
      const status = await runPrismaCli(['migrate', 'status'], url, { quiet: true });
      expect(status).toContain('Database schema is up to date');
    } finally {
      await query(adminUrl, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    }
  });

  it('lead every tenant table index with the school id', async () => {
    const indexes = await query<{ tablename: string; indexdef: string }>(
      process.env.DATABASE_URL!,
      `SELECT tablename, indexdef FROM pg_indexes
        WHERE schemaname = 'public' AND indexname NOT LIKE '%_pkey'
          AND tablename IN (SELECT table_name FROM information_schema.columns WHERE column_name = 'schoolId' AND table_schema = 'public')`,
    );
    expect(indexes.length).toBeGreaterThan(10);
    // Exceptions, each deliberate: unique keys (globally unique anyway), a user's schools across
    // tenants (the newsroom switcher), the scheduler's scan of due articles across schools, the
    // import worker's scan of queued imports across schools, the newsletter worker's scans (sends
    // due, deliveries waiting or interrupted, and a send's deliveries by its globally unique id),
    // and the media library's full-text index (its search ORs in the uploader's name, which a
    // combined index could not serve). The stories' full-text index leads with the school
    // (btree_gin): a platform-wide one made every search read every school's entries.
    const crossTenantByDesign = [
      'memberships_userId_idx',
      'articles_status_scheduledFor_idx',
      'import_jobs_status_idx',
      'newsletter_sends_status_scheduledFor_idx',
      'newsletter_deliveries_status_attemptedAt_idx',
      'newsletter_deliveries_sendId_status_idx',
      'media_library_search_idx',
    ];
    const notLeadingWithSchool = indexes
      .filter((index) => !/\("schoolId"/.test(index.indexdef) && !/UNIQUE/.test(index.indexdef))
      // PostgreSQL quotes only names that need it (mixed case).
      .filter((index) => !crossTenantByDesign.some((name) => index.indexdef.includes(`INDEX "${name}"`) || index.indexdef.includes(`INDEX ${name} `)));
    expect(notLeadingWithSchool).toEqual([]);
  });
});
