// Reading an upload back for a reader's browser: only files of the school in the address.
import { dbFor } from '../db.ts';
import { getObject, isStorageKey } from './storage.ts';

const FILE_NAME = /^([a-z0-9]+)-(\d+|full)\.(jpg|png|webp)$/;
const TYPES = { jpg: 'image/jpeg', png: 'image/png', webp: 'image/webp' } as const;

export async function readMediaFile(schoolId: string, fileName: string): Promise<{ bytes: Buffer; contentType: string } | null> {
  const match = FILE_NAME.exec(fileName);
  if (!match) return null;
  const [, id, , ext] = match;
  // The media row must belong to this school: a file name from another school's page finds nothing.
  const media = await dbFor(schoolId).media.findFirst({ where: { id: id!, schoolId }, select: { id: true } });
  if (!media) return null;
  const key = `${schoolId.toLowerCase()}/${fileName}`;
  if (!isStorageKey(key)) return null;
  const bytes = await getObject(key);
  return bytes ? { bytes, contentType: TYPES[ext as keyof typeof TYPES] } : null;
}
