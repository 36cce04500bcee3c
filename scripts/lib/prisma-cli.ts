// Runs the Prisma CLI against a given database, with the wasm-backed schema engine stand-in
// (prisma/schema-engine/schema-engine.mjs): the native engine cannot be downloaded here.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { projectRoot } from './database';

export const schemaEngineStandIn = path.join(projectRoot, 'prisma/schema-engine/schema-engine.mjs');

export function prismaCliEnvironment(databaseUrl: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DATABASE_URL: databaseUrl,
    PRISMA_SCHEMA_ENGINE_BINARY: schemaEngineStandIn,
    PRISMA_HIDE_UPDATE_MESSAGE: '1',
    CHECKPOINT_DISABLE: '1',
  };
}

export async function runPrismaCli(args: string[], databaseUrl: string, options: { quiet?: boolean } = {}): Promise<string> {
  const cli = path.join(projectRoot, 'node_modules/prisma/build/index.js');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], {
      cwd: projectRoot,
      env: prismaCliEnvironment(databaseUrl),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const collect = (stream: NodeJS.WriteStream) => (chunk: Buffer) => {
      output += chunk.toString();
      if (!options.quiet) stream.write(chunk);
    };
    child.stdout.on('data', collect(process.stdout));
    child.stderr.on('data', collect(process.stderr));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(output);
      else reject(new Error(`prisma ${args.join(' ')} failed with exit code ${code}\n${output}`));
    });
  });
}

export function applyMigrations(databaseUrl: string, options: { quiet?: boolean } = {}): Promise<string> {
  return runPrismaCli(['migrate', 'deploy'], databaseUrl, options);
}
