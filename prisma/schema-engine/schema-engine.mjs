#!/usr/bin/env node
// A stand-in for Prisma's native schema-engine binary, which cannot be downloaded on machines
// without internet. The Prisma CLI spawns whatever PRISMA_SCHEMA_ENGINE_BINARY names and talks
// newline-delimited JSON-RPC over stdin/stdout; we forward each call to the WebAssembly build of
// the same engine, which reaches PostgreSQL through @prisma/adapter-pg.
//
// This leans on Prisma's internal CLI <-> engine protocol, so every Prisma package it touches is
// pinned exactly in package.json; the migration tests guard any upgrade.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { createRequire } from 'node:module';
import pg from 'pg';

const require = createRequire(import.meta.url);
const ENGINE_VERSION = '8.1.0-2.59be4fda12412a79eeb9c2ae727b6aa723593323';
const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;
const CHAR_MARKER = '\u0000pg-char\u0000';

function log(level, message, extra = {}) {
  process.stderr.write(JSON.stringify({ timestamp: new Date().toISOString(), level, target: 'schema_engine::logger', fields: { message, ...extra } }) + '\n');
}

function parseArgs(argv) {
  const parsed = { datamodels: [], datasource: undefined, cli: undefined };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--datamodels' || arg === '-d') parsed.datamodels.push(argv[++i]);
    else if (arg === '--datasource') parsed.datasource = JSON.parse(argv[++i]);
    else if (arg === '--enabled-preview-features' || arg === '--extension-types') i++;
    else if (arg === 'cli') parsed.cli = argv[++i];
    else if (arg === '--version' || arg === '-V') parsed.version = true;
  }
  return parsed;
}

// --- fixes for the pg adapter, which does not know every catalog type the engine reads -------
// PostgreSQL's one-byte "char" (OID 18, e.g. pg_constraint.contype) is unknown to the adapter and
// makes it throw; PostgreSQL 18 reads it for NOT NULL constraints. We let pg return it as text,
// mark the column, and tag it as the adapter's Character type after the adapter has run.
function markCharColumns(result) {
  for (const res of Array.isArray(result) ? result : [result]) {
    for (const field of res?.fields ?? []) {
      if (field.dataTypeID === PG_CHAR_OID) {
        field.dataTypeID = PG_TEXT_OID;
        field.name = CHAR_MARKER + field.name;
      }
    }
  }
  return result;
}

const originalQuery = pg.Client.prototype.query;
pg.Client.prototype.query = function patchedQuery(config, values, callback) {
  const cb = typeof values === 'function' ? values : callback;
  if (typeof cb === 'function') {
    const wrapped = (err, res) => cb(err, err ? res : markCharColumns(res));
    return typeof values === 'function' ? originalQuery.call(this, config, wrapped) : originalQuery.call(this, config, values, wrapped);
  }
  if (config && typeof config.callback === 'function') {
    const inner = config.callback;
    config.callback = (err, res) => inner(err, err ? res : markCharColumns(res));
    return originalQuery.call(this, config, values);
  }
  const ret = originalQuery.call(this, config, values);
  return ret && typeof ret.then === 'function' ? ret.then(markCharColumns) : ret;
};

function wrapQueryable(target, characterType, onDispose) {
  return new Proxy(target, {
    get(obj, prop) {
      if (prop === 'dispose' && onDispose) {
        return async () => {
          await obj.dispose();
          await onDispose();
        };
      }
      if (prop === 'queryRaw') {
        return async (query) => {
          const result = await obj.queryRaw(query);
          result.columnNames = result.columnNames.map((name, i) => {
            if (!name.startsWith(CHAR_MARKER)) return name;
            result.columnTypes[i] = characterType;
            return name.slice(CHAR_MARKER.length);
          });
          return result;
        };
      }
      // The adapter splits scripts on every ";", which breaks function bodies ($$ ... ; ... $$).
      // PostgreSQL's simple query protocol runs a multi-statement script as one implicit
      // transaction, as the native engine does.
      if (prop === 'executeScript') {
        return async (script) => {
          try {
            await obj.underlyingDriver().query(script);
          } catch (error) {
            obj.onError(error);
          }
        };
      }
      if (prop === 'startTransaction') {
        return async (...args) => wrapQueryable(await obj.startTransaction(...args), characterType);
      }
      const value = Reflect.get(obj, prop, obj);
      return typeof value === 'function' ? value.bind(obj) : value;
    },
  });
}

async function createAdapterFactory(url, shadowDatabaseUrl) {
  const { PrismaPg } = require('@prisma/adapter-pg');
  const { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum } = require('@prisma/driver-adapter-utils');
  const { parse } = require('pg-connection-string');
  const connectTo = async (connectionString, onDispose) => {
    const adapter = await new PrismaPg(parse(connectionString)).connect();
    return wrapQueryable(adapter, ColumnTypeEnum.Character, onDispose);
  };
  // The adapter's own shadow database drops the database before closing its pool (and so fails);
  // ours closes the pool first, and forces the drop.
  const connectToShadowDb = async () => {
    if (shadowDatabaseUrl) return connectTo(shadowDatabaseUrl);
    const name = `prisma_migrate_shadow_db_${randomUUID()}`;
    const { adminUrl } = databaseOf(url);
    await withClient(adminUrl, (admin) => admin.query(`CREATE DATABASE ${quoteIdent(name)}`));
    const shadowUrl = new URL(url);
    shadowUrl.pathname = '/' + encodeURIComponent(name);
    return connectTo(shadowUrl.toString(), () => withClient(adminUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`)));
  };
  return bindMigrationAwareSqlAdapterFactory({
    provider: 'postgres',
    adapterName: '@prisma/adapter-pg',
    connect: () => connectTo(url),
    connectToShadowDb,
  });
}

async function withClient(connectionString, work) {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

// --- the `cli` subcommands, done directly with pg ---------------------------------------------
function databaseOf(url) {
  const parsed = new URL(url);
  const name = decodeURIComponent(parsed.pathname.replace(/^\//, '')) || 'postgres';
  parsed.pathname = '/postgres';
  return { name, adminUrl: parsed.toString() };
}

function quoteIdent(name) {
  return '"' + name.replace(/"/g, '""') + '"';
}

async function runCliCommand(command, url) {
  // The CLI drops the first stderr line before it parses the rest.
  log('INFO', `schema-engine stand-in: ${command}`);
  const { name, adminUrl } = databaseOf(url);
  const connect = async (connectionString) => {
    const client = new pg.Client({ connectionString });
    await client.connect();
    return client;
  };
  try {
    if (command === 'can-connect-to-database') {
      const client = await connect(url);
      await client.end();
      return;
    }
    const admin = await connect(adminUrl);
    try {
      if (command === 'create-database') await admin.query(`CREATE DATABASE ${quoteIdent(name)}`);
      else if (command === 'drop-database') await admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
      else throw Object.assign(new Error(`Unknown cli command: ${command}`), { errorCode: 'P1000' });
    } finally {
      await admin.end();
    }
  } catch (error) {
    const errorCode = error.errorCode ?? (error.code === '3D000' ? 'P1003' : error.code === '42P04' ? 'P1009' : error.code === '28P01' ? 'P1000' : 'P1001');
    const message = errorCode === 'P1003' ? `Database \`${name}\` does not exist` : String(error.message ?? error);
    log('ERROR', message, { error_code: errorCode });
    process.exit(1);
  }
}

// --- JSON-RPC forwarding -----------------------------------------------------------------------
// The wasm engine keeps 10 s / 60 s timers (pool idle timeouts) that would hold the process open
// after the CLI is done; they must not keep it alive.
const originalSetTimeout = globalThis.setTimeout;
globalThis.setTimeout = function unrefLongTimers(fn, delay, ...args) {
  const timer = originalSetTimeout(fn, delay, ...args);
  if (typeof delay === 'number' && delay >= 5000 && typeof timer?.unref === 'function') timer.unref();
  return timer;
};

const RPC_METHOD_ALIASES = { getDatabaseVersion: 'version' };

function rpcError(error) {
  const message = String(error?.message ?? error);
  const isPanic = /panicked|RuntimeError|unreachable/i.test(message);
  return {
    code: 4466,
    message: 'An error happened. Check the data field for details.',
    data: {
      is_panic: isPanic,
      message,
      error_code: error?.code ?? error?.error_code ?? undefined,
      meta: error?.meta,
    },
  };
}

// Node 20 cannot import .wasm as an ES module, so we instantiate it ourselves, as the package's
// own entry point would under a bundler.
async function loadWasmEngine() {
  const bindings = await import('@prisma/schema-engine-wasm/schema_engine_bg');
  const wasmPath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg').replace(/\.js$/, '.wasm');
  const { instance } = await WebAssembly.instantiate(readFileSync(wasmPath), { './schema_engine_bg.js': bindings });
  bindings.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start?.();
  return bindings;
}

async function serveRpc(args) {
  const wasm = await loadWasmEngine();
  const datamodels = args.datamodels.map((path) => [path, readFileSync(path, 'utf8')]);
  const url = args.datasource?.url ?? process.env.DATABASE_URL;
  if (!url) {
    log('ERROR', 'No datasource url given to the schema engine stand-in.', { error_code: 'P1012' });
    process.exit(1);
  }
  const adapter = await createAdapterFactory(url, args.datasource?.shadowDatabaseUrl);
  let enginePromise;
  const engine = () => (enginePromise ??= wasm.SchemaEngine.new({ datamodels: datamodels.length ? datamodels : undefined }, (message) => log('INFO', String(message)), adapter));

  let pending = 0;
  let inputClosed = false;
  const maybeExit = () => {
    if (inputClosed && pending === 0) process.exit(0);
  };

  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  lines.on('line', async (line) => {
    if (!line.trim()) return;
    let request;
    try {
      request = JSON.parse(line);
    } catch {
      log('ERROR', `Could not parse JSON-RPC request: ${line.slice(0, 200)}`);
      return;
    }
    if (request.method === undefined) return; // a response to a request of ours; we send none
    pending++;
    let response;
    try {
      const instance = await engine();
      const method = RPC_METHOD_ALIASES[request.method] ?? request.method;
      if (typeof instance[method] !== 'function') throw new Error(`Unknown schema engine method: ${request.method}`);
      const result = await instance[method](request.params ?? {});
      response = { jsonrpc: '2.0', id: request.id, result: result === undefined ? null : result };
    } catch (error) {
      log('ERROR', String(error?.message ?? error));
      response = { jsonrpc: '2.0', id: request.id, error: rpcError(error) };
    }
    process.stdout.write(JSON.stringify(response) + '\n');
    pending--;
    maybeExit();
  });
  lines.on('close', () => {
    inputClosed = true;
    maybeExit();
  });
}

// A crash must never look like success: the CLI treats exit code 0 as "nothing to report".
process.on('uncaughtException', (error) => {
  log('ERROR', `schema-engine stand-in crashed: ${error?.stack ?? error}`);
  process.exit(101);
});
process.on('unhandledRejection', (error) => {
  log('ERROR', `schema-engine stand-in crashed: ${error?.stack ?? error}`);
  process.exit(101);
});

const args = parseArgs(process.argv.slice(2));
if (args.version) {
  process.stdout.write(`schema-engine-cli ${ENGINE_VERSION}\n`);
} else if (args.cli) {
  const url = args.datasource?.url;
  if (!url) {
    log('INFO', 'schema-engine stand-in');
    log('ERROR', 'The cli subcommands need --datasource with a url.', { error_code: 'P1012' });
    process.exit(1);
  }
  await runCliCommand(args.cli, url);
} else {
  await serveRpc(args);
}
