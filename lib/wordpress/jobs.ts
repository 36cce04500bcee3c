// Imports started from the school settings, run in the background. The browser streams the export
// (and, if the adviser has it, a zip of wp-content/uploads) into this server's data folder
// (imports/<job id>/); a background worker on the same server claims the job and runs the import,
// writing its progress to the job row, which the settings page polls. The import itself is
// resumable (every post is recorded by its WordPress id), so a job whose server stopped — found
// RUNNING with a stale heartbeat — is run again and carries on where it stopped.
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { actorInSchool, requirePermission, type Actor } from '../auth/actor.ts';
import { PLATFORM, dbFor, type Prisma } from '../db.ts';
import { cleanFilename } from '../media/upload.ts';
import { fail, missing, ok, type Result } from '../result.ts';
import type { ImportJobStatus } from '../generated/prisma/enums.ts';
import { importWordPressFile } from './index.ts';
import { MAX_WXR_BYTES, parseWxr } from './wxr.ts';
import { MAX_UPLOADS_BYTES, checkUploadsArchive, unpackUploadsArchive } from './uploads-archive.ts';

/** A running job writes a heartbeat this often; one silent for STALE_AFTER_MS has lost its server. */
const HEARTBEAT_MS = 5_000;
const STALE_AFTER_MS = Number(process.env.MASTHEAD_IMPORT_STALE_MS ?? 60_000);
/** An export whose uploads archive never arrived is given up after a day. */
const UPLOAD_ABANDONED_MS = 24 * 60 * 60 * 1000;

export interface ImportJobView {
  id: string;
  status: ImportJobStatus;
  filename: string;
  uploadsFilename: string | null;
  done: number;
  total: number;
  report: unknown;
  error: string | null;
  createdAt: Date;
  finishedAt: Date | null;
}

const VIEW = { id: true, status: true, filename: true, uploadsFilename: true, done: true, total: true, report: true, error: true, createdAt: true, finishedAt: true } as const;

function jobFolder(jobId: string): string {
  return path.resolve(process.env.MASTHEAD_DATA_DIR ?? '.data', 'imports', jobId);
}
const exportFile = (jobId: string) => path.join(jobFolder(jobId), 'export.xml');
const archiveFile = (jobId: string) => path.join(jobFolder(jobId), 'uploads.zip');

type Body = ReadableStream<Uint8Array> | null;

/** Streams a request body to a file, refusing (and removing) it once it passes `maxBytes`. */
async function saveBody(body: Body, file: string, maxBytes: number, tooLarge: string): Promise<Result<number>> {
  if (!body) return fail(422, 'Choose a file to upload.', { file: 'Choose a file to upload.' });
  let bytes = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      done(bytes > maxBytes ? new Error('too large') : null, chunk);
    },
  });
  try {
    await pipeline(Readable.fromWeb(body as WebReadableStream<Uint8Array>), counter, createWriteStream(file));
  } catch {
    await rm(file, { force: true });
    return bytes > maxBytes ? fail(413, tooLarge, { file: tooLarge }) : fail(400, 'The upload was cut off before it finished; try again.');
  }
  if (bytes === 0) return fail(422, 'The file is empty.', { file: 'The file is empty.' });
  return ok(bytes);
}

/** Receives a WordPress export and queues its import (or waits for the uploads archive first).
 * A file that is not a readable WXR is refused at once, before a job exists. */
export async function startImport(actor: Actor, upload: { body: Body; filename: string; withUploads: boolean }): Promise<Result<ImportJobView>> {
  const allowed = requirePermission(actor, 'school.settings');
  if (!allowed.ok) return allowed;
  const running = await dbFor(actor.schoolId).importJob.findFirst({ where: { schoolId: actor.schoolId, status: { in: ['QUEUED', 'RUNNING'] } }, select: { id: true } });
  if (running) return fail(409, 'An import is already under way for this paper; wait for it to finish, then start the next one.');
  // One still waiting for its uploads folder was given up (the page closed, the upload broke): the new one replaces it.
  for (const waiting of await dbFor(actor.schoolId).importJob.findMany({ where: { schoolId: actor.schoolId, status: 'UPLOADING' }, select: { id: true } }))
    await endJob(actor.schoolId, waiting.id, { status: 'FAILED', error: 'Replaced by a newer import before its uploads folder arrived.' });
  const job = await dbFor(actor.schoolId).importJob.create({
    data: { schoolId: actor.schoolId, source: 'wordpress', requestedById: actor.membershipId, status: 'UPLOADING', filename: cleanFilename(upload.filename), byteSize: 0 },
    select: { id: true },
  });
  await mkdir(jobFolder(job.id), { recursive: true });
  const refuse = async <T>(refusal: Result<T>) => {
    await rm(jobFolder(job.id), { recursive: true, force: true });
    await dbFor(actor.schoolId).importJob.delete({ where: { id: job.id } });
    return refusal;
  };
  const saved = await saveBody(upload.body, exportFile(job.id), MAX_WXR_BYTES, `An export can be at most ${Math.round(MAX_WXR_BYTES / 1024 / 1024)} MB.`);
  if (!saved.ok) return refuse(saved);
  const parsed = parseWxr(await readFile(exportFile(job.id)));
  if (!parsed.ok) return refuse(fail(parsed.status, parsed.error, { file: parsed.error }));
  const total = parsed.data.items.filter((item) => item.type === 'post').length;
  const view = await dbFor(actor.schoolId).importJob.update({
    where: { id: job.id },
    data: { byteSize: saved.data, total, status: upload.withUploads ? 'UPLOADING' : 'QUEUED' },
    select: VIEW,
  });
  return ok(view);
}

/** Receives the uploads archive of a job waiting for it, and queues the import. */
export async function receiveUploadsArchive(actor: Actor, jobId: string, upload: { body: Body; filename: string }): Promise<Result<ImportJobView>> {
  const allowed = requirePermission(actor, 'school.settings');
  if (!allowed.ok) return allowed;
  const job = await dbFor(actor.schoolId).importJob.findFirst({ where: { id: jobId, schoolId: actor.schoolId }, select: { status: true } });
  if (!job || !existsSync(jobFolder(jobId))) return missing('import');
  if (job.status !== 'UPLOADING') return fail(409, 'This import is not waiting for an uploads folder.');
  const tooLarge = `An uploads archive can be at most ${Math.round(MAX_UPLOADS_BYTES / 1024 ** 3)} GB.`;
  const saved = await saveBody(upload.body, archiveFile(jobId), MAX_UPLOADS_BYTES, tooLarge);
  if (!saved.ok) return saved;
  const checked = await checkUploadsArchive(archiveFile(jobId));
  if (!checked.ok) {
    await rm(archiveFile(jobId), { force: true });
    return fail(checked.status, checked.error, { uploads: checked.error });
  }
  const view = await dbFor(actor.schoolId).importJob.update({
    where: { id: jobId },
    data: { uploadsFilename: cleanFilename(upload.filename), uploadsByteSize: saved.data, status: 'QUEUED' },
    select: VIEW,
  });
  return ok(view);
}

export async function getImportJob(actor: Actor, jobId: string): Promise<Result<ImportJobView>> {
  const allowed = requirePermission(actor, 'school.settings');
  if (!allowed.ok) return allowed;
  const job = await dbFor(actor.schoolId).importJob.findFirst({ where: { id: jobId, schoolId: actor.schoolId }, select: VIEW });
  return job ? ok(job) : missing('import');
}

/** The school's latest imports, newest first, for the settings page. */
export async function recentImportJobs(actor: Actor, take = 5): Promise<Result<ImportJobView[]>> {
  const allowed = requirePermission(actor, 'school.settings');
  if (!allowed.ok) return allowed;
  return ok(await dbFor(actor.schoolId).importJob.findMany({ where: { schoolId: actor.schoolId }, orderBy: { createdAt: 'desc' }, take, select: VIEW }));
}

interface RunOptions {
  signal?: AbortSignal;
  /** Told after each batch of posts is written (the settings page learns it from the job row). */
  onProgress?: (jobId: string, done: number, total: number) => void;
}

/** Runs every queued (or abandoned) job whose files are on this server, one after another; returns
 * how many it ran. `signal` stops the running import between batches and puts its job back in the
 * queue, so the next start carries on at once. */
export async function runQueuedImports(options: RunOptions = {}): Promise<number> {
  // Jobs span schools, so the worker reads them as PLATFORM; each import then acts as its adviser.
  const platform = dbFor(PLATFORM);
  const abandoned = await platform.importJob.findMany({ where: { status: 'UPLOADING', createdAt: { lt: new Date(Date.now() - UPLOAD_ABANDONED_MS) } }, select: { id: true } });
  for (const job of abandoned) await endJob(PLATFORM, job.id, { status: 'FAILED', error: 'The uploads folder never arrived; start the import again.' });
  let ran = 0;
  while (!options.signal?.aborted) {
    const stale = new Date(Date.now() - STALE_AFTER_MS);
    const claimable: Prisma.ImportJobWhereInput = { OR: [{ status: 'QUEUED' }, { status: 'RUNNING', heartbeatAt: { lt: stale } }] };
    const candidates = await platform.importJob.findMany({ where: claimable, orderBy: { createdAt: 'asc' }, select: { id: true }, take: 20 });
    const local = candidates.find((candidate) => existsSync(exportFile(candidate.id)));
    if (!local) return ran;
    // Another worker (a second server on a shared folder) may have claimed it since: the update
    // only succeeds while the job is still claimable.
    const claimed = await platform.importJob.updateMany({
      where: { id: local.id, ...claimable },
      data: { status: 'RUNNING', heartbeatAt: new Date(), startedAt: new Date(), attempts: { increment: 1 }, error: null },
    });
    if (claimed.count === 1) {
      await runImport(local.id, options);
      ran++;
    }
  }
  return ran;
}

/** Ends a job (DONE or FAILED) and removes its files: what it had imported stays, and whoever
 * starts it again uploads the files again. */
async function endJob(tenant: string, jobId: string, data: Prisma.ImportJobUpdateInput & { status: 'DONE' | 'FAILED' }): Promise<void> {
  await dbFor(tenant).importJob.update({ where: { id: jobId }, data: { ...data, finishedAt: new Date(), heartbeatAt: new Date() } });
  await rm(jobFolder(jobId), { recursive: true, force: true });
}

async function runImport(jobId: string, { signal, onProgress }: RunOptions): Promise<void> {
  const platform = dbFor(PLATFORM);
  const job = await platform.importJob.findUniqueOrThrow({
    where: { id: jobId },
    select: { schoolId: true, requestedById: true, uploadsFilename: true, school: { select: { id: true, slug: true } } },
  });
  const requester = await platform.membership.findFirst({ where: { id: job.requestedById, schoolId: job.schoolId }, select: { userId: true } });
  const actor = requester ? await actorInSchool(requester.userId, job.school) : null;
  if (!actor || !requirePermission(actor, 'school.settings').ok) {
    await endJob(PLATFORM, jobId, { status: 'FAILED', error: 'Whoever started this import may no longer manage the paper’s settings; an adviser can start it again.' });
    return;
  }
  const heartbeat = setInterval(() => void platform.importJob.update({ where: { id: jobId }, data: { heartbeatAt: new Date() } }).catch(() => undefined), HEARTBEAT_MS);
  let lastWrite = 0;
  try {
    let uploadsDir: string | undefined;
    if (job.uploadsFilename) uploadsDir = await unpackUploadsArchive(archiveFile(jobId), path.join(jobFolder(jobId), 'uploads'));
    const result = await importWordPressFile(actor, await readFile(exportFile(jobId)), {
      uploadsDir,
      signal,
      onProgress: (done, total) => {
        onProgress?.(jobId, done, total);
        if (done < total && Date.now() - lastWrite < 500) return;
        lastWrite = Date.now();
        void platform.importJob.update({ where: { id: jobId }, data: { done, total, heartbeatAt: new Date() } }).catch(() => undefined);
      },
    });
    if (signal?.aborted) {
      await platform.importJob.update({ where: { id: jobId }, data: { status: 'QUEUED' } });
      return;
    }
    if (result.ok) {
      const { posts } = result.data;
      await endJob(PLATFORM, jobId, { status: 'DONE', report: result.data as unknown as Prisma.InputJsonValue, done: posts.created + posts.updated + posts.unchanged });
    } else {
      await endJob(PLATFORM, jobId, { status: 'FAILED', error: result.error });
    }
  } catch (error) {
    console.error(`[masthead] import ${jobId} failed:`, error);
    await endJob(PLATFORM, jobId, { status: 'FAILED', error: 'The import stopped on an unexpected error; what it had imported is kept, and starting it again carries on.' });
  } finally {
    clearInterval(heartbeat);
  }
}
