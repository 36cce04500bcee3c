// WebM video (what browsers record with MediaRecorder, and what many editors export), read from its
// EBML structure: its picture size, its length, and the elements that carry metadata rather than
// the video. Those are the file's tags (where a video was shot, the device), its title, its
// tracks' names and any attached files; each becomes a Void element of the same length, so no
// offset in the file moves and the video plays as before (as with an MP4's boxes, ./video.ts).
// A recording made in a browser has no stated length; it is then read from its last frame.

const ID = {
  EBML: 0x1a45dfa3,
  DocType: 0x4282,
  Segment: 0x18538067,
  Info: 0x1549a966,
  TimecodeScale: 0x2ad7b1,
  Duration: 0x4489,
  Title: 0x7ba9,
  Tracks: 0x1654ae6b,
  TrackEntry: 0xae,
  TrackType: 0x83,
  Name: 0x536e,
  Video: 0xe0,
  PixelWidth: 0xb0,
  PixelHeight: 0xba,
  Cluster: 0x1f43b675,
  Timecode: 0xe7,
  SimpleBlock: 0xa3,
  BlockGroup: 0xa0,
  Block: 0xa1,
  Tags: 0x1254c367,
  Attachments: 0x1941a469,
  Void: 0xec,
} as const;

/** Elements that may follow a cluster of unknown size: where such a cluster ends. */
const SEGMENT_CHILDREN = new Set<number>([0x114d9b74, ID.Info, ID.Tracks, ID.Cluster, 0x1c53bb6b, 0x1043a770, ID.Tags, ID.Attachments]);

interface Element {
  id: number;
  start: number;
  data: number;
  end: number;
}

/** A variable-length integer at `at`: its length in bytes and its value (an element's id keeps its
 * marker bit; a size drops it, and all ones means "unknown"). */
function vint(bytes: Buffer, at: number, keepMarker: boolean): { length: number; value: number | null } | null {
  const first = bytes[at];
  if (first === undefined || first === 0) return null;
  const length = Math.clz32(first) - 23;
  if (at + length > bytes.length || length > 8) return null;
  let value = keepMarker ? first : first & (0xff >> length);
  let allOnes = value === 0xff >> length;
  for (let index = 1; index < length; index++) {
    value = value * 256 + bytes[at + index]!;
    allOnes &&= bytes[at + index] === 0xff;
  }
  return { length, value: !keepMarker && allOnes ? null : value };
}

/** The elements between `from` and `to`. An element of unknown size (a live recording's segment or
 * cluster) runs to the next element that can only follow it, or to the end; looking for that next
 * element reads one level down only, so no file makes the reading quadratic. */
function elements(bytes: Buffer, from: number, to: number, resolveUnknown = true): Element[] {
  const found: Element[] = [];
  let at = from;
  while (at < to) {
    const id = vint(bytes, at, true);
    const size = id && vint(bytes, at + id.length, false);
    if (!id || !size) break;
    const data = at + id.length + size.length;
    let end = size.value === null ? to : data + size.value;
    if (size.value === null && id.value === ID.Cluster && resolveUnknown) {
      for (const child of elements(bytes, data, to, false)) {
        if (SEGMENT_CHILDREN.has(child.id)) {
          end = child.start;
          break;
        }
      }
    }
    if (end > to) end = to;
    found.push({ id: id.value!, start: at, data, end });
    at = end;
  }
  return found;
}

function child(bytes: Buffer, parent: Element, id: number): Element | undefined {
  return elements(bytes, parent.data, parent.end).find((element) => element.id === id);
}

function unsigned(bytes: Buffer, element: Element | undefined): number | null {
  if (!element || element.end - element.data > 6) return null;
  return element.end > element.data ? bytes.readUIntBE(element.data, element.end - element.data) : 0;
}

function float(bytes: Buffer, element: Element | undefined): number | null {
  if (!element) return null;
  const size = element.end - element.data;
  return size === 8 ? bytes.readDoubleBE(element.data) : size === 4 ? bytes.readFloatBE(element.data) : null;
}

/** The latest frame's time in the segment's clusters, in ticks of the timecode scale. */
function lastFrame(bytes: Buffer, clusters: Element[]): number {
  let latest = 0;
  for (const cluster of clusters) {
    const children = elements(bytes, cluster.data, cluster.end);
    const base =
      unsigned(
        bytes,
        children.find((element) => element.id === ID.Timecode),
      ) ?? 0;
    for (const element of children) {
      const block = element.id === ID.SimpleBlock ? element : element.id === ID.BlockGroup ? child(bytes, element, ID.Block) : undefined;
      const track = block && vint(bytes, block.data, false);
      if (!block || !track || block.data + track.length + 2 > block.end) continue;
      latest = Math.max(latest, base + bytes.readInt16BE(block.data + track.length));
    }
  }
  return latest;
}

export interface WebmVideo {
  duration: number;
  width: number;
  height: number;
  /** Where the metadata elements lie, to be blanked. */
  metadata: { start: number; end: number }[];
}

export function isWebm(bytes: Buffer): boolean {
  return bytes.length >= 4 && bytes.readUInt32BE(0) === ID.EBML;
}

/** What a WebM file says of itself: null when it is not one, or has no picture. */
export function readWebm(bytes: Buffer): WebmVideo | null {
  const [header, segment] = elements(bytes, 0, bytes.length);
  if (!header || header.id !== ID.EBML || !segment || segment.id !== ID.Segment) return null;
  const docType = child(bytes, header, ID.DocType);
  if (!docType || bytes.toString('latin1', docType.data, docType.end) !== 'webm') return null;
  const parts = elements(bytes, segment.data, segment.end);
  const info = parts.find((part) => part.id === ID.Info);
  const tracks = parts.find((part) => part.id === ID.Tracks);
  if (!info || !tracks) return null;
  const entries = elements(bytes, tracks.data, tracks.end).filter((element) => element.id === ID.TrackEntry);
  const video = entries.map((entry) => ({ entry, type: unsigned(bytes, child(bytes, entry, ID.TrackType)) })).find(({ type }) => type === 1)?.entry;
  const picture = video && child(bytes, video, ID.Video);
  const width = picture && unsigned(bytes, child(bytes, picture, ID.PixelWidth));
  const height = picture && unsigned(bytes, child(bytes, picture, ID.PixelHeight));
  if (!width || !height) return null;
  const scale = unsigned(bytes, child(bytes, info, ID.TimecodeScale)) || 1_000_000;
  const stated = float(bytes, child(bytes, info, ID.Duration));
  const ticks =
    stated && stated > 0
      ? stated
      : lastFrame(
          bytes,
          parts.filter((part) => part.id === ID.Cluster),
        );
  const metadata = [
    ...parts.filter((part) => part.id === ID.Tags || part.id === ID.Attachments),
    ...[child(bytes, info, ID.Title)].filter((element) => element !== undefined),
    ...entries.flatMap((entry) => [child(bytes, entry, ID.Name)].filter((element) => element !== undefined)),
  ];
  return { duration: (ticks * scale) / 1e9, width, height, metadata: metadata.map(({ start, end }) => ({ start, end })) };
}

/** The file with each metadata element turned into a Void element of the same length, zeroed. */
export function blankWebmMetadata(bytes: Buffer, metadata: readonly { start: number; end: number }[]): Buffer {
  const copy = Buffer.from(bytes);
  for (const { start, end } of metadata) {
    const total = end - start;
    // Void's id is one byte; its size takes up to eight, and says how many zero bytes follow.
    const sizeLength = Math.min(8, total - 1);
    const size = total - 1 - sizeLength;
    copy.fill(0, start, end);
    copy[start] = ID.Void;
    for (let index = sizeLength - 1, rest = size; index >= 0; index--, rest = Math.floor(rest / 256)) copy[start + 1 + index] = rest % 256;
    copy[start + 1] = copy[start + 1]! | (0x80 >> (sizeLength - 1));
  }
  return copy;
}
