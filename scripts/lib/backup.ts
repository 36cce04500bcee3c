// Backup and restore of a whole deployment: every table's rows, read in one consistent snapshot,
// and the uploaded files. pg_dump would be the usual tool, but Debian 12 ships only pg_dump 15,
// which refuses to dump the PostgreSQL 17 this project runs; COPY gives the same rows, in
// PostgreSQL's own CSV, from any server. A manifest records each table's row count and a SHA-256
// of its rows, and a restore is checked against it before it reports success.
import { createHash } from 'node:crypto';
import { cpSync, createReadStream, createWriteStream, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';

export const BACKUP_FORMAT = 1;

export interface BackupManifest {
  format: number;
  createdAt: string;
  migration: string;
  tables: Record<string, { rows: number; sha256: string }>;
  uploads: { files: number } | { stored: 'S3'; note: string };
}

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  // Row-level security would hide every tenant row from a role it applies to; a backup spans schools.
  await client.query(`SELECT set_config('masthead.tenant', 'platform', false)`);
  return client;
}

/** The app's tables, in the order they are restored (referenced tables first). */
async function appTables(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY tablename`);
  return rows.map((row) => row.name);
}

async function latestMigration(client: pg.Client): Promise<string> {
  const { rows } = await client.query<{ name: string }>(`SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY migration_name DESC LIMIT 1`);
  return rows[0]?.name ?? '';
}

/** Rows in a stable order, so the same data always gives the same bytes and hash. */
const copyOut = (table: string) => `COPY (SELECT * FROM "${table}" t ORDER BY t) TO STDOUT WITH (FORMAT csv, HEADER true)`;

async function tableDigest(client: pg.Client, table: string, sink?: Writable): Promise<{ rows: number; sha256: string }> {
  const hash = createHash('sha256');
  const hashing = new PassThrough();
  hashing.on('data', (chunk: Buffer) => hash.update(chunk));
  await pipeline(client.query(copyTo(copyOut(table))), hashing, sink ?? new Writable({ write: (_chunk, _encoding, done) => done() }));
  const { rows } = await client.query<{ count: string }>(`SELECT count(*) FROM "${table}"`);
  return { rows: Number(rows[0]!.count), sha256: hash.digest('hex') };
}

export async function backup(databaseUrl: string, outDir: string, uploadsDir: string | null): Promise<BackupManifest> {
  mkdirSync(path.join(outDir, 'tables'), { recursive: true });
  const client = await connect(databaseUrl);
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const tables: BackupManifest['tables'] = {};
    for (const table of await appTables(client)) {
      const gzip = createGzip();
      const written = pipeline(gzip, createWriteStream(path.join(outDir, 'tables', `${table}.csv.gz`)));
      tables[table] = await tableDigest(client, table, gzip);
      await written;
    }
    const migration = await latestMigration(client);
    await client.query('COMMIT');
    let uploads: BackupManifest['uploads'];
    if (uploadsDir === null) {
      uploads = { stored: 'S3', note: 'Uploads are in the S3 bucket; back it up with the bucket’s own versioning or replication.' };
    } else {
      const target = path.join(outDir, 'uploads');
      if (existsSync(uploadsDir)) cpSync(uploadsDir, target, { recursive: true });
      uploads = { files: existsSync(target) ? countFiles(target) : 0 };
    }
    const manifest: BackupManifest = { format: BACKUP_FORMAT, createdAt: new Date().toISOString(), migration, tables, uploads };
    writeFileSync(path.join(outDir, 'manifest.json'), JSON.stringify(manifest, null, 2));
    return manifest;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}

function countFiles(directory: string): number {
  return readdirSync(directory, { withFileTypes: true }).reduce((sum, entry) => sum + (entry.isDirectory() ? countFiles(path.join(directory, entry.name)) : 1), 0);
}

export class RestoreError extends Error {}

/**
 * Restores a backup into a database already migrated to the backup's schema: its rows replace
 * whatever the tables held, in one transaction, and the result is checked against the manifest.
 * Needs a superuser (the embedded database's user is one): foreign keys and triggers are set
 * aside while the rows load, as pg_restore does.
 */
export async function restore(databaseUrl: string, fromDir: string, uploadsDir: string | null): Promise<BackupManifest> {
  const manifest = JSON.parse(readFileSync(path.join(fromDir, 'manifest.json'), 'utf8')) as BackupManifest;
  if (manifest.format !== BACKUP_FORMAT) throw new RestoreError(`This backup has format ${manifest.format}; this version reads format ${BACKUP_FORMAT}.`);
  const client = await connect(databaseUrl);
  try {
    const migration = await latestMigration(client);
    if (migration !== manifest.migration)
      throw new RestoreError(`The backup was taken at migration ${manifest.migration}, the database is at ${migration || 'none'}; restore with the matching version of Masthead.`);
    const tables = await appTables(client);
    const missing = Object.keys(manifest.tables).filter((table) => !tables.includes(table));
    if (missing.length) throw new RestoreError(`The database has no table ${missing.join(', ')}.`);
    await client.query('BEGIN');
    await client.query(`SET LOCAL session_replication_role = replica`);
    await client.query(`TRUNCATE ${tables.map((table) => `"${table}"`).join(', ')}`);
    for (const table of Object.keys(manifest.tables)) {
      await pipeline(createReadStream(path.join(fromDir, 'tables', `${table}.csv.gz`)), createGunzip(), client.query(copyFrom(`COPY "${table}" FROM STDIN WITH (FORMAT csv, HEADER true)`)));
    }
    for (const [table, expected] of Object.entries(manifest.tables)) {
      const actual = await tableDigest(client, table);
      if (actual.rows !== expected.rows || actual.sha256 !== expected.sha256) {
        throw new RestoreError(`Table ${table} did not come back as it was backed up (${actual.rows} rows, expected ${expected.rows}).`);
      }
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
  if (uploadsDir !== null && existsSync(path.join(fromDir, 'uploads'))) {
    rmSync(uploadsDir, { recursive: true, force: true });
    cpSync(path.join(fromDir, 'uploads'), uploadsDir, { recursive: true });
  }
  return manifest;
}
