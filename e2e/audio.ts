// Recordings for tests, made here rather than shipped: an MP3 is a run of frames, and a frame whose
// side information is all zero decodes to silence. MPEG-1 Layer III, 128 kbit/s, 44.1 kHz, mono:
// 417 bytes and 1,152 samples a frame.
const FRAME_HEADER = [0xff, 0xfb, 0x90, 0xc0];
const FRAME_BYTES = 417;
const SAMPLES_PER_FRAME = 1152;
const SAMPLE_RATE = 44_100;

function id3v2(frames: Record<string, string>): Buffer {
  const body = Buffer.concat(
    Object.entries(frames).map(([id, text]) => {
      const data = Buffer.concat([Buffer.from([0]), Buffer.from(text, 'latin1')]);
      const header = Buffer.alloc(10);
      header.write(id, 0, 'latin1');
      header.writeUInt32BE(data.length, 4);
      return Buffer.concat([header, data]);
    }),
  );
  const size = body.length;
  // ID3v2.3, no flags, the size in four seven-bit ("syncsafe") bytes.
  const header = Buffer.from([0x49, 0x44, 0x33, 3, 0, 0, (size >> 21) & 0x7f, (size >> 14) & 0x7f, (size >> 7) & 0x7f, size & 0x7f]);
  return Buffer.concat([header, body]);
}

function id3v1(title: string, artist: string): Buffer {
  const tag = Buffer.alloc(128);
  tag.write('TAG', 0, 'latin1');
  tag.write(title.slice(0, 30), 3, 'latin1');
  tag.write(artist.slice(0, 30), 33, 'latin1');
  return tag;
}

/** `seconds` of silence as an MP3, with the kind of tags a recording app leaves when `tags` are given. */
export function silentMp3(seconds: number, tags?: { title: string; artist: string }): Buffer {
  const count = Math.ceil((seconds * SAMPLE_RATE) / SAMPLES_PER_FRAME);
  const frame = Buffer.alloc(FRAME_BYTES);
  Buffer.from(FRAME_HEADER).copy(frame);
  const frames = Buffer.concat(Array.from({ length: count }, () => frame));
  if (!tags) return frames;
  return Buffer.concat([id3v2({ TIT2: tags.title, TPE1: tags.artist }), frames, id3v1(tags.title, tags.artist)]);
}

/** How long `silentMp3(seconds)` runs, exactly (a whole number of frames). */
export function silentMp3Seconds(seconds: number): number {
  return (Math.ceil((seconds * SAMPLE_RATE) / SAMPLES_PER_FRAME) * SAMPLES_PER_FRAME) / SAMPLE_RATE;
}
