// Audio uploads: podcast episodes and interview clips, as MP3 — the one format every podcast app
// and browser plays. The file is checked by its bytes and read through (music-metadata) for its
// length, and its tags are cut off before it is stored: ID3 tags carry whatever the recording app
// put there (the recorder's name, a device, a cover picture with its own metadata), and a podcast
// app shows some of it to every listener.
import { parseBuffer } from 'music-metadata';
import type { Actor } from '../auth/actor.ts';
import { fail, ok, type Result } from '../result.ts';
import { storeMediaFile, uploadAllowed } from './stored-file.ts';

/** An hour and a half at 128 kbit/s fits; a day of it would not fit in a server's memory. */
export const MAX_AUDIO_BYTES = Number(process.env.MASTHEAD_MAX_AUDIO_BYTES ?? 100 * 1024 * 1024);

export interface UploadedAudio {
  id: string;
  src: string;
  mimeType: 'audio/mpeg';
  byteSize: number;
  /** In seconds. */
  duration: number;
}

const ID3V2_HEADER = 10;

/** The MPEG audio frames alone: leading ID3v2 tags (there may be several) and a trailing ID3v1 or
 * APEv2 tag are cut off. Null when what is left does not start with an MPEG audio frame. */
export function mp3Frames(bytes: Buffer): Buffer | null {
  let start = 0;
  while (bytes.length - start > ID3V2_HEADER && bytes.toString('latin1', start, start + 3) === 'ID3') {
    // The size is "syncsafe": four bytes of seven bits each; a footer adds ten more bytes.
    const size = ((bytes[start + 6]! & 0x7f) << 21) | ((bytes[start + 7]! & 0x7f) << 14) | ((bytes[start + 8]! & 0x7f) << 7) | (bytes[start + 9]! & 0x7f);
    const footer = bytes[start + 5]! & 0x10 ? 10 : 0;
    start += ID3V2_HEADER + size + footer;
  }
  let end = bytes.length;
  if (end - start >= 128 && bytes.toString('latin1', end - 128, end - 125) === 'TAG') end -= 128;
  if (end - start >= 32 && bytes.toString('latin1', end - 32, end - 24) === 'APETAGEX') {
    const tagSize = bytes.readUInt32LE(end - 20);
    const hasHeader = (bytes.readUInt32LE(end - 12) & 0x80000000) !== 0;
    end -= tagSize + (hasHeader ? 32 : 0);
  }
  if (end - start < 4) return null;
  // An MPEG audio frame header: eleven set bits, then a version and layer that exist (layer III).
  const frame = bytes.subarray(start, end);
  const isFrame = frame[0] === 0xff && (frame[1]! & 0xe0) === 0xe0 && (frame[1]! & 0x18) !== 0x08 && (frame[1]! & 0x06) === 0x02;
  return isFrame ? frame : null;
}

const NOT_MP3 = 'This file is not an MP3. Export the recording from your audio editor as MP3 and upload that.';

export async function uploadAudio(actor: Actor, file: { bytes: Buffer; filename: string }): Promise<Result<UploadedAudio>> {
  const allowed = uploadAllowed(actor, file, MAX_AUDIO_BYTES, 'audio');
  if (!allowed.ok) return allowed;
  const frames = mp3Frames(file.bytes);
  if (!frames) return fail(415, 'Only MP3 audio can be uploaded.', { file: NOT_MP3 });
  const metadata = await parseBuffer(frames, { mimeType: 'audio/mpeg', size: frames.length }, { duration: true, skipCovers: true }).catch(() => null);
  const duration = metadata?.format.duration;
  if (!duration || !Number.isFinite(duration) || duration <= 0) return fail(422, 'This audio could not be read; it may be damaged.', { file: 'This audio could not be read; it may be damaged.' });

  const stored = await storeMediaFile(actor, file, frames, 'mp3', { mimeType: 'audio/mpeg', duration });
  return ok({ ...stored, mimeType: 'audio/mpeg', byteSize: frames.length, duration });
}
