// Video for tests. fixtures/clip-with-location.mp4 is three seconds of ffmpeg's test pattern, 320 ×
// 180, H.264, 19 KB, made once with Debian's ffmpeg as a phone would tag it, with where it was shot:
//   ffmpeg -f lavfi -i testsrc2=size=320x180:rate=15:duration=3 -c:v libx264 -preset veryslow
//     -crf 40 -pix_fmt yuv420p -profile:v baseline -movflags +faststart+use_metadata_tags
//     -metadata location=+32.9565-117.2340/ -metadata title="Raw take 7" clip-with-location.mp4
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const CLIP_LOCATION = '+32.9565-117.2340/';

export function clipWithLocation(): Buffer {
  return readFileSync(path.join(import.meta.dirname, 'fixtures/clip-with-location.mp4'));
}

/** Captions for the clip, as a caption editor exports them. */
export function captionsFor(lines: readonly string[]): string {
  const cue = (index: number) => `00:0${index}.000 --> 00:0${index + 1}.000`;
  return `WEBVTT\n\n${lines.map((line, index) => `${index + 1}\n${cue(index)}\n${line}\n`).join('\n')}`;
}
