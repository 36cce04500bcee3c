// MASTHEAD_CPU_PROFILE=<file>: a CPU profile of the production server from start to shutdown (open
// it in Chrome's DevTools), to see where a bench's time goes before changing anything. The
// inspector profiles one thread: the renderer's goes to <file>, the front's (cache hits, admission)
// to <file> with `.front` before its extension.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';

/** Starts profiling this thread into `file`; the function returned stops and writes it. */
export async function profileThisThread(file: string | undefined): Promise<() => Promise<void>> {
  if (!file) return async () => {};
  const session = new Session();
  session.connect();
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return async () => {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(file, JSON.stringify(profile));
  };
}

export function frontProfileFile(file: string | undefined): string | undefined {
  return file?.replace(/(\.[a-z]+)?$/i, '.front$1');
}
