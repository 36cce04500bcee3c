// A checked file stored as it is (audio, video, captions: nothing to resize), with its media row.
// The row records the uploader and the original's hash; the file is deleted again if the row
// cannot be written, so no file is left that nothing points to.
import { createHash, randomBytes } from 'node:crypto';
import { requirePermission, type Actor } from '../auth/actor.ts';
import { dbFor } from '../db.ts';
import { fail, ok, type Result } from '../result.ts';
import { deleteObjects, putObject } from './storage.ts';
import { cleanFilename } from './upload.ts';
import { storedImageSrc, type AsUploadedExtension } from './variants.ts';

export async function storeMediaFile(
  actor: Actor,
  original: { bytes: Buffer; filename: string },
  stored: Buffer,
  ext: AsUploadedExtension,
  row: { mimeType: string; duration?: number; width?: number; height?: number },
): Promise<{ id: string; src: string }> {
  const id = randomBytes(12).toString('hex');
  const storageKey = `${actor.schoolId.toLowerCase()}/${id}-full.${ext}`;
  await putObject(storageKey, stored, row.mimeType);
  try {
    await dbFor(actor.schoolId).media.create({
      data: {
        id,
        schoolId: actor.schoolId,
        uploaderId: actor.membershipId,
        byteSize: stored.length,
        storageKey,
        originalFilename: cleanFilename(original.filename),
        sha256: createHash('sha256').update(original.bytes).digest('hex'),
        ...row,
      },
    });
  } catch (error) {
    await deleteObjects([storageKey]);
    throw error;
  }
  return { id, src: storedImageSrc(actor.schoolSlug, storageKey) };
}

/** Whether this member may upload this file at all: a story's writer, a file with something in
 * it, within the limit for its kind ("audio", "videos"). */
export function uploadAllowed(actor: Actor, file: { bytes: Buffer }, limit: number, what: string): Result<null> {
  const allowed = requirePermission(actor, 'article.create');
  if (!allowed.ok) return allowed;
  if (file.bytes.length === 0) return fail(422, 'The file is empty.', { file: 'The file is empty.' });
  if (file.bytes.length > limit) {
    const message = `This file is ${(file.bytes.length / 1024 / 1024).toFixed(1)} MB; ${what} can be at most ${Math.round(limit / 1024 / 1024)} MB.`;
    return fail(413, message, { file: message });
  }
  return ok(null);
}
