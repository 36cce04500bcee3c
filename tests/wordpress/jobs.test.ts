// Imports started from the settings page: the export (and a zip of the uploads folder) arrive as a
// stream, a background worker runs the import and writes its progress, a stopped import carries on
// where it stopped, and files that are not what they claim are refused before a job exists.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import yazl from 'yazl';
import type { Actor } from '../../lib/auth/actor.ts';
import { platformDb as db } from '../../lib/db.ts';
import { getImportJob, receiveUploadsArchive, runQueuedImports, startImport } from '../../lib/wordpress/jobs.ts';
import type { ImportReport } from '../../lib/wordpress/import.ts';
import { schoolArchive } from '../../lib/tenants/archive.ts';
import { seedDemo } from '../../prisma/seed.ts';
import { sampleWxr } from '../../scripts/lib/sample-wxr.ts';
import { actorByEmail } from '../factories.ts';

const fixture = readFileSync(path.join(import.meta.dirname, 'fixtures/wordpress-6.xml'));
let adviser: Actor;
let lincolnAdviser: Actor;
let reporter: Actor;

const body = (bytes: Buffer | string) => Readable.toWeb(Readable.from([Buffer.from(bytes)])) as ReadableStream<Uint8Array>;

async function zipOf(files: Record<string, Buffer>): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const [name, bytes] of Object.entries(files)) zip.addBuffer(bytes, name);
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function jobRow(id: string) {
  return db.importJob.findUniqueOrThrow({ where: { id } });
}

beforeAll(async () => {
  await seedDemo();
  adviser = (await actorByEmail('adviser@canyoncrest.example', 'canyon-crest'))!;
  lincolnAdviser = (await actorByEmail('adviser@lincoln.example', 'lincoln-high'))!;
  reporter = (await actorByEmail('andrew.choi@canyoncrest.example', 'canyon-crest'))!;
});

describe('an import from the settings page', () => {
  it('runs in the background with its uploads zip: progress, report, the photo, and nothing left on disk', async () => {
    const started = await startImport(lincolnAdviser, { body: body(fixture), filename: 'lincoln.WordPress.2024-06-01.xml', withUploads: true });
    if (!started.ok) throw new Error(started.error);
    expect(started.data).toMatchObject({ status: 'UPLOADING', total: 5, done: 0 });
    // Nothing runs while the uploads folder is on its way.
    expect(await runQueuedImports()).toBe(0);

    const photo = await sharp({ create: { width: 900, height: 600, channels: 3, background: '#336699' } })
      .jpeg()
      .toBuffer();
    const archive = await zipOf({ 'wp-content/uploads/2024/05/robotics-team.jpg': photo, 'wp-content/uploads/2024/05/notes.txt': Buffer.from('not a picture') });
    const received = await receiveUploadsArchive(lincolnAdviser, started.data.id, { body: body(archive), filename: 'uploads.zip' });
    expect(received.ok && received.data.status).toBe('QUEUED');

    const seen: number[] = [];
    expect(await runQueuedImports({ onProgress: (_job, done) => seen.push(done) })).toBe(1);
    expect(seen.at(-1)).toBe(5);
    const job = await getImportJob(lincolnAdviser, started.data.id);
    if (!job.ok) throw new Error(job.error);
    expect(job.data).toMatchObject({ status: 'DONE', done: 5, total: 5, error: null });
    const report = job.data.report as ImportReport;
    expect(report.posts.created).toBe(5);
    expect(report.images.imported).toBe(1);
    expect(report.missingFiles).toEqual(['https://ledger.example.edu/wp-content/uploads/2024/05/scoreboard.jpg']);
    // The files are gone once the import is done.
    expect(readdirOrNothing(path.resolve('.data', 'imports', started.data.id))).toEqual([]);
    // Another school's adviser cannot see the job.
    expect(await getImportJob(adviser, started.data.id)).toMatchObject({ ok: false, status: 404 });
  });

  it('a stopped import carries on where it stopped, whether stopped on purpose or by a dead server', async () => {
    const started = await startImport(adviser, { body: body(sampleWxr({ posts: 120, pictures: false })), filename: 'archive.xml', withUploads: false });
    if (!started.ok) throw new Error(started.error);
    expect(started.data).toMatchObject({ status: 'QUEUED', total: 120 });
    const stop = new AbortController();
    await runQueuedImports({ signal: stop.signal, onProgress: (_job, done) => done >= 50 && stop.abort() });
    const stopped = await jobRow(started.data.id);
    // Put back in the queue with what it had written (the batch after the stop was already on its way).
    expect(stopped.status).toBe('QUEUED');
    const written = await db.importRecord.count({ where: { schoolId: adviser.schoolId, kind: 'post' } });
    expect(written).toBeGreaterThanOrEqual(50);
    expect(written).toBeLessThan(120);

    // A server that died mid-import leaves the job RUNNING; once its heartbeat is stale, any worker takes it.
    await db.importJob.update({ where: { id: started.data.id }, data: { status: 'RUNNING', heartbeatAt: new Date(Date.now() - 5 * 60_000) } });
    expect(await runQueuedImports()).toBe(1);
    const finished = await jobRow(started.data.id);
    expect(finished.status).toBe('DONE');
    expect(finished.attempts).toBe(2);
    const report = finished.report as unknown as ImportReport;
    expect(report.posts).toEqual({ created: 120 - written, updated: 0, unchanged: written });
    expect(await db.article.count({ where: { schoolId: adviser.schoolId, slug: { startsWith: 'story-number-' } } })).toBe(120);
    // A job whose heartbeat is fresh belongs to a live server: left alone.
    await db.importJob.update({ where: { id: started.data.id }, data: { status: 'RUNNING', heartbeatAt: new Date() } });
    expect(await runQueuedImports()).toBe(0);
    await db.importJob.update({ where: { id: started.data.id }, data: { status: 'DONE' } });
  });
});

describe('what is refused before a job exists', () => {
  it('a file that is not a WordPress export, with the parser’s reason and no job left behind', async () => {
    const before = await db.importJob.count();
    const refused = await startImport(adviser, { body: body('<html><body>Not an export</body></html>'), filename: 'page.html', withUploads: false });
    expect(refused).toMatchObject({ ok: false, status: 422 });
    const entities = await startImport(adviser, {
      body: body('<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaa">]><rss><channel>&a;</channel></rss>'),
      filename: 'bomb.xml',
      withUploads: false,
    });
    expect(entities).toMatchObject({ ok: false });
    expect(await startImport(adviser, { body: null, filename: 'x.xml', withUploads: false })).toMatchObject({ ok: false, status: 422 });
    expect(await db.importJob.count()).toBe(before);
  });

  it('a reporter may not import; a second import waits for the first, but replaces one given up before its uploads arrived', async () => {
    expect(await startImport(reporter, { body: body(fixture), filename: 'x.xml', withUploads: false })).toMatchObject({ ok: false, status: 403 });
    const givenUp = await startImport(adviser, { body: body(fixture), filename: 'first.xml', withUploads: true });
    if (!givenUp.ok) throw new Error(givenUp.error);
    const second = await startImport(adviser, { body: body(fixture), filename: 'second.xml', withUploads: false });
    if (!second.ok) throw new Error(second.error);
    expect(await jobRow(givenUp.data.id)).toMatchObject({ status: 'FAILED', error: 'Replaced by a newer import before its uploads folder arrived.' });
    expect(readdirOrNothing(path.resolve('.data', 'imports', givenUp.data.id))).toEqual([]);
    expect(await startImport(adviser, { body: body(fixture), filename: 'third.xml', withUploads: false })).toMatchObject({ ok: false, status: 409 });
    await db.importJob.update({ where: { id: second.data.id }, data: { status: 'FAILED' } });
  });

  it('an uploads archive that is not a zip, or names a file outside its folder, is refused', async () => {
    const started = await startImport(adviser, { body: body(fixture), filename: 'export.xml', withUploads: true });
    if (!started.ok) throw new Error(started.error);
    const notZip = await receiveUploadsArchive(adviser, started.data.id, { body: body('just text'), filename: 'uploads.zip' });
    expect(notZip).toMatchObject({ ok: false, status: 422 });
    // A zip whose entry climbs out of the folder ("../"): the name is patched in after yazl wrote it.
    const sneaky = (await zipOf({ 'xxxevil.jpg': Buffer.from('jpeg') })).toString('latin1').replaceAll('xxxevil.jpg', '../evil.jpg');
    const slip = await receiveUploadsArchive(adviser, started.data.id, { body: body(Buffer.from(sneaky, 'latin1')), filename: 'uploads.zip' });
    expect(slip).toMatchObject({ ok: false, error: 'The archive names a file outside its own folder; it was refused.' });
    expect((await jobRow(started.data.id)).status).toBe('UPLOADING');
    await db.importJob.update({ where: { id: started.data.id }, data: { status: 'FAILED' } });
  });
});

describe('the archive download', () => {
  it('holds every story of the school with its revisions and photos, its subscribers, and nothing of another school', async () => {
    await db.subscriber.create({ data: { schoolId: lincolnAdviser.schoolId, email: 'lincoln-parent@example.com', lists: ['NEW_ISSUE'], status: 'ACTIVE', unsubscribeToken: 'lincoln-token' } });
    await db.subscriber.create({ data: { schoolId: adviser.schoolId, email: 'other-parent@example.com', lists: ['NEW_ISSUE'], status: 'ACTIVE', unsubscribeToken: 'other-token' } });
    const archive = await schoolArchive(lincolnAdviser);
    if (!archive.ok) throw new Error(archive.error);
    const chunks: Buffer[] = [];
    for await (const chunk of archive.data) chunks.push(chunk as Buffer);
    const zip = await yauzl.fromBufferPromise(Buffer.concat(chunks), { lazyEntries: true });
    const files = new Map<string, Buffer>();
    for await (const entry of zip.eachEntry()) {
      const parts: Buffer[] = [];
      for await (const part of await zip.openReadStreamPromise(entry)) parts.push(part as Buffer);
      files.set(entry.fileName, Buffer.concat(parts));
    }
    const json = JSON.parse(files.get('masthead.json')!.toString('utf8'));
    expect(json).toMatchObject({ format: 'masthead-school-archive', version: 1, school: { slug: 'lincoln-high' } });
    expect(json.subscribers).toEqual([expect.objectContaining({ email: 'lincoln-parent@example.com', status: 'ACTIVE', lists: ['NEW_ISSUE'] })]);
    expect(JSON.stringify(json)).not.toContain('lincoln-token');
    expect(JSON.stringify(json)).not.toContain('other-parent@example.com');
    const stories = await db.article.findMany({ where: { schoolId: lincolnAdviser.schoolId }, select: { id: true, headline: true, _count: { select: { revisions: true } } } });
    expect(json.articles.map((article: { id: string }) => article.id).sort()).toEqual(stories.map((story) => story.id).sort());
    for (const story of stories) {
      const exported = json.articles.find((article: { id: string }) => article.id === story.id);
      expect(exported.headline).toBe(story.headline);
      expect(exported.revisions).toHaveLength(story._count.revisions);
    }
    const robotics = json.articles.find((article: { slug: string }) => article.slug === 'robotics-team-wins-state');
    expect(robotics.oldAddresses).toContain('/2024/05/12/robotics-team-wins-state');
    // Every photo, as stored, under the name masthead.json gives it.
    expect(json.media.length).toBeGreaterThan(0);
    for (const item of json.media) expect(files.get(item.file)?.length).toBeGreaterThan(0);
    const others = await db.article.findMany({ where: { schoolId: adviser.schoolId }, select: { headline: true } });
    const text = files.get('masthead.json')!.toString('utf8');
    for (const other of others.filter((article) => !article.headline.startsWith('Story number'))) expect(text).not.toContain(other.headline);
    expect(await schoolArchive(reporter)).toMatchObject({ ok: false, status: 403 });
  });
});

function readdirOrNothing(folder: string): string[] {
  try {
    return readdirSync(folder);
  } catch {
    return [];
  }
}
