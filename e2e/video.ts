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

// The same clip as WebM (VP9, 19 KB), tagged alike:
//   ffmpeg -f lavfi -i testsrc2=size=320x180:rate=15:duration=3 -c:v libvpx-vp9 -b:v 40k -deadline good
//     -cpu-used 8 -metadata title="Raw take 7" -metadata location=+32.9565-117.2340/ clip-with-location.webm
// and one second as a browser's recorder writes it, streamed, so it states no length and its
// segment and clusters no size (8 KB):
//   ffmpeg -f lavfi -i testsrc2=size=320x180:rate=15:duration=1 -c:v libvpx -b:v 30k
//     -metadata location=+32.9565-117.2340/ -f webm - > recorded-in-a-browser.webm
export function webmWithLocation(name: 'clip-with-location' | 'recorded-in-a-browser' = 'clip-with-location'): Buffer {
  return readFileSync(path.join(import.meta.dirname, `fixtures/${name}.webm`));
}

/** Captions for the clip, as a caption editor exports them. */
export function captionsFor(lines: readonly string[]): string {
  const cue = (index: number) => `00:0${index}.000 --> 00:0${index + 1}.000`;
  return `WEBVTT\n\n${lines.map((line, index) => `${index + 1}\n${cue(index)}\n${line}\n`).join('\n')}`;
}
