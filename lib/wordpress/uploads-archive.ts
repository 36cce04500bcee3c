// The site's wp-content/uploads folder as the adviser uploads it from the settings page: a zip.
// Only pictures are taken out, each under a name yauzl has checked (no absolute paths, no "..", so
// nothing lands outside the folder), and the whole archive is refused before anything is written
// if it is not a readable zip or unpacks to more than the limit (a zip bomb).
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';
import { fail, ok, type Result } from '../result.ts';

/** The most an uploads archive may unpack to (MASTHEAD_IMPORT_MAX_UPLOADS_BYTES, default 8 GB). */
export const MAX_UPLOADS_BYTES = Number(process.env.MASTHEAD_IMPORT_MAX_UPLOADS_BYTES ?? 8 * 1024 ** 3);
const PICTURE = /\.(jpe?g|png|gif|webp)$/i;
const NOT_A_ZIP = 'The uploads folder must be a .zip of wp-content/uploads; this file is not a readable zip archive.';

/** The pictures in the archive, and how many bytes they unpack to; refuses what cannot be read. */
export async function checkUploadsArchive(file: string): Promise<Result<{ pictures: number; bytes: number }>> {
  let zip: yauzl.ZipFile | null = null;
  try {
    zip = await yauzl.openPromise(file, { lazyEntries: true, strictFileNames: true });
    let pictures = 0;
    let bytes = 0;
    for await (const entry of zip.eachEntry()) {
      if (!PICTURE.test(entry.fileName)) continue;
      pictures++;
      bytes += entry.uncompressedSize;
      if (bytes > MAX_UPLOADS_BYTES) return fail(413, `The pictures in this archive unpack to more than ${Math.round(MAX_UPLOADS_BYTES / 1024 ** 3)} GB, the most one import takes.`);
    }
    return ok({ pictures, bytes });
  } catch (error) {
    return fail(422, /invalid relative path|absolute path|backslash/i.test((error as Error).message) ? 'The archive names a file outside its own folder; it was refused.' : NOT_A_ZIP);
  } finally {
    zip?.close();
  }
}

/** Unpacks the pictures into `into`; the folder WordPress's addresses are relative to is returned
 * (the archive may hold wp-content/uploads/…, uploads/… or the year folders themselves). */
export async function unpackUploadsArchive(file: string, into: string): Promise<string> {
  const zip = await yauzl.openPromise(file, { lazyEntries: true, strictFileNames: true });
  try {
    for await (const entry of zip.eachEntry()) {
      if (!PICTURE.test(entry.fileName)) continue;
      // validateEntrySizes (yauzl's default) stops a stream that unpacks to more than it declared.
      const target = path.join(into, entry.fileName);
      await mkdir(path.dirname(target), { recursive: true });
      await pipeline(await zip.openReadStreamPromise(entry), createWriteStream(target));
    }
  } finally {
    zip.close();
  }
  return uploadsRootIn(into);
}

async function uploadsRootIn(folder: string): Promise<string> {
  for (const candidate of ['wp-content/uploads', 'uploads']) {
    // The folder is the import's own data directory, chosen at run time: nothing for the build to trace.
    const inner = path.join(/* turbopackIgnore: true */ folder, candidate);
    if (
      await stat(inner).then(
        (found) => found.isDirectory(),
        () => false,
      )
    )
      return inner;
  }
  // One folder wrapping everything (how "Compress" names an archive): look inside it.
  const entries = await readdir(folder, { withFileTypes: true });
  if (entries.length === 1 && entries[0]!.isDirectory() && !/^\d{4}$/.test(entries[0]!.name)) return uploadsRootIn(path.join(folder, entries[0]!.name));
  return folder;
}
