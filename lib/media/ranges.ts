// HTTP byte ranges (RFC 9110 §14): an audio player asks for the part of the file it is about to
// play, or the part a listener skipped to; podcast apps resume downloads the same way. One range
// per request is answered; a request for several gets the whole file, which the RFC allows.

export type ByteRange = { start: number; end: number };

/** The range a Range header asks for in a file of `size` bytes: null to send the whole file (no
 * header, several ranges, or one we do not understand), 'unsatisfiable' when it lies past the end. */
export function requestedRange(header: string | null, size: number): ByteRange | 'unsatisfiable' | null {
  const match = header ? /^bytes=(\d*)-(\d*)$/.exec(header.trim()) : null;
  if (!match || (match[1] === '' && match[2] === '')) return null;
  if (match[1] === '') {
    // "bytes=-500": the last 500 bytes.
    const suffix = Number(match[2]);
    if (suffix === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(match[1]);
  const end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  if (start >= size) return 'unsatisfiable';
  if (end < start) return null;
  return { start, end };
}

/** The response for a file, whole or the range asked for. */
export function rangedResponse(bytes: Buffer, rangeHeader: string | null, headers: Record<string, string>): Response {
  const range = requestedRange(rangeHeader, bytes.length);
  const common = { ...headers, 'Accept-Ranges': 'bytes' };
  if (range === 'unsatisfiable') return new Response(null, { status: 416, headers: { ...common, 'Content-Range': `bytes */${bytes.length}` } });
  if (!range) return new Response(new Uint8Array(bytes), { headers: { ...common, 'Content-Length': String(bytes.length) } });
  const part = bytes.subarray(range.start, range.end + 1);
  return new Response(new Uint8Array(part), {
    status: 206,
    headers: { ...common, 'Content-Range': `bytes ${range.start}-${range.end}/${bytes.length}`, 'Content-Length': String(part.length) },
  });
}
