// Video uploads, as MP4 (what phones, iMovie, Premiere and every browser share) or WebM (what a
// browser records; lib/media/webm.ts), and their captions
// as WebVTT. The file is read with mp4box (GPAC's MP4 parser) for its length, picture size and
// tracks, and its metadata boxes are blanked before it is stored: a phone writes where a video was
// shot (the ©xyz location in "udta", Apple's "meta" keys, XMP in a "uuid" box), often a student's
// home. Each such box becomes a "free" box of the same size with nothing in it, so no offset in the
// file moves and the video plays as before.
import { createFile, MP4BoxBuffer, type Movie } from 'mp4box';
import type { Actor } from '../auth/actor.ts';
import { fail, ok, type Result } from '../result.ts';
import { storeMediaFile, uploadAllowed } from './stored-file.ts';
import { AS_UPLOADED_TYPES } from './variants.ts';
import { blankWebmMetadata, isWebm, readWebm } from './webm.ts';

/** Ten minutes of a phone's 1080p video fit; longer broadcasts belong on a video host. */
export const MAX_VIDEO_BYTES = Number(process.env.MASTHEAD_MAX_VIDEO_BYTES ?? 200 * 1024 * 1024);
export const MAX_CAPTIONS_BYTES = 1024 * 1024;

export interface UploadedVideo {
  id: string;
  src: string;
  byteSize: number;
  /** In seconds. */
  duration: number;
  width: number;
  height: number;
}

export interface UploadedCaptions {
  id: string;
  src: string;
  cues: number;
}

interface Box {
  type: string;
  start: number;
  size: number;
  hdr_size: number;
  boxes?: Box[];
}

/** Boxes that carry metadata rather than the video: blanked wherever they sit in the file, the
 * movie or a track. */
const METADATA_BOXES = new Set(['udta', 'meta', 'uuid']);

function metadataBoxes(boxes: readonly Box[] = []): Box[] {
  return boxes.flatMap((box) => (METADATA_BOXES.has(box.type) ? [box] : box.type === 'moov' || box.type === 'trak' ? metadataBoxes(box.boxes) : []));
}

/** What mp4box reads of an MP4: null when it is not one, or has no video track. */
export function readMp4(bytes: Buffer): { duration: number; width: number; height: number; metadata: Box[] } | null {
  const file = createFile();
  const parsed: { movie?: Movie } = {};
  file.onReady = (movie) => {
    parsed.movie = movie;
  };
  try {
    // An upload's buffer is its own ArrayBuffer (no copy of a video is made to read it); a slice of a
    // larger one is copied out.
    const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
    const arrayBuffer = (whole ? bytes.buffer : bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)) as ArrayBuffer;
    file.appendBuffer(MP4BoxBuffer.fromArrayBuffer(arrayBuffer, 0));
    file.flush();
  } catch {
    return null;
  }
  const { movie } = parsed;
  const track = movie?.videoTracks[0];
  if (!movie || !track || !movie.timescale || !movie.duration) return null;
  const width = track.video?.width ?? track.track_width;
  const height = track.video?.height ?? track.track_height;
  if (!width || !height) return null;
  return { duration: movie.duration / movie.timescale, width: Math.round(width), height: Math.round(height), metadata: metadataBoxes(file.boxes as unknown as Box[]) };
}

/** The file with every metadata box turned into an empty "free" box of the same size. */
export function blankMetadata(bytes: Buffer, boxes: readonly Box[]): Buffer {
  const copy = Buffer.from(bytes);
  for (const box of boxes) {
    copy.write('free', box.start + 4, 'latin1');
    copy.fill(0, box.start + box.hdr_size, box.start + box.size);
  }
  return copy;
}

export async function uploadVideo(actor: Actor, file: { bytes: Buffer; filename: string }): Promise<Result<UploadedVideo>> {
  const allowed = uploadAllowed(actor, file, MAX_VIDEO_BYTES, 'videos');
  if (!allowed.ok) return allowed;
  const isMp4 = file.bytes.toString('latin1', 4, 8) === 'ftyp';
  const webm = isWebm(file.bytes);
  if (!isMp4 && !webm) return fail(415, 'Only MP4 or WebM video can be uploaded.', { file: 'This file is not an MP4 or WebM video. Export it from your video editor as MP4 (H.264) and upload that.' });
  // Read, and its metadata blanked, in its own format.
  const mp4 = isMp4 ? readMp4(file.bytes) : null;
  const read = mp4 ? { ...mp4, bytes: blankMetadata(file.bytes, mp4.metadata) } : null;
  const webmVideo = webm ? readWebm(file.bytes) : null;
  const movie = read ?? (webmVideo && { ...webmVideo, bytes: blankWebmMetadata(file.bytes, webmVideo.metadata) });
  if (!movie) return fail(422, 'This video could not be read.', { file: 'This video could not be read; it may be damaged, or have no picture.' });
  const { duration, width, height, bytes } = movie;
  const ext = isMp4 ? 'mp4' : 'webm';
  const stored = await storeMediaFile(actor, file, bytes, ext, { mimeType: AS_UPLOADED_TYPES[ext], duration, width, height });
  return ok({ ...stored, byteSize: file.bytes.length, duration, width, height });
}

const CUE_TIMING = /^(?:\d{2,}:)?\d{2}:\d{2}\.\d{3}[ \t]+-->[ \t]+(?:\d{2,}:)?\d{2}:\d{2}\.\d{3}/m;

/** Captions as WebVTT: UTF-8 text that starts with "WEBVTT" and has at least one timed cue. */
export async function uploadCaptions(actor: Actor, file: { bytes: Buffer; filename: string }): Promise<Result<UploadedCaptions>> {
  const allowed = uploadAllowed(actor, file, MAX_CAPTIONS_BYTES, 'captions');
  if (!allowed.ok) return allowed;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(file.bytes).replace(/^\uFEFF/, '');
  } catch {
    text = '';
  }
  const message = 'Captions must be a WebVTT file (.vtt): text that starts with “WEBVTT” and has timed cues such as “00:01.000 --> 00:04.000”. Most caption editors export it.';
  if (!/^WEBVTT(?:[ \t]|\r?\n|$)/.test(text) || !CUE_TIMING.test(text)) return fail(415, 'Only WebVTT captions can be uploaded.', { file: message });
  const cues = text.match(new RegExp(CUE_TIMING.source, 'gm'))?.length ?? 0;
  const stored = await storeMediaFile(actor, file, Buffer.from(text, 'utf8'), 'vtt', { mimeType: 'text/vtt' });
  return ok({ ...stored, cues });
}
