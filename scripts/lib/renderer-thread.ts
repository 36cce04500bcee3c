// The production server's two threads (scripts/production-server.ts): the front, which answers
// cache hits and admits the rest, and the renderer (scripts/production-renderer.ts), and what they
// say to each other. Changes the front hears are applied on the renderer's thread, where the rows
// they concern are kept, in the order heard; each is answered once applied.
import { Worker } from 'node:worker_threads';
import type { KeptRowsChange } from '../../lib/serving/kept-while-listening.ts';

export type ToRenderer = { change: KeptRowsChange; id: number } | { stop: true };
export type FromRenderer = { ready: number } | { applied: number } | { stopped: true };

export interface RendererThread {
  /** Its loopback port. */
  port: number;
  /** Settles once the renderer has applied the change. */
  keptRows(change: KeptRowsChange): Promise<void>;
  stop(): Promise<void>;
}

/** Starts the renderer's thread and waits until it answers on its port. Should the thread fail
 * (an uncaught fault), the process exits: its supervisor starts it again whole. */
export async function startRendererThread(): Promise<RendererThread> {
  const worker = new Worker(new URL('./renderer-thread-entry.mjs', import.meta.url));
  const waiting = new Map<number, () => void>();
  let lastId = 0;
  let stopping = false;
  let stopped = () => {};
  worker.on('error', (error) => console.error(error));
  worker.on('exit', (code) => {
    if (stopping) return;
    console.error(`[masthead] the renderer's thread exited (${code}); stopping`);
    process.exit(1);
  });
  const port = await new Promise<number>((resolve, reject) => {
    worker.once('error', reject);
    worker.on('message', (message: FromRenderer) => {
      if ('ready' in message) resolve(message.ready);
      else if ('applied' in message) {
        waiting.get(message.applied)?.();
        waiting.delete(message.applied);
      } else stopped();
    });
  });
  return {
    port,
    keptRows(change) {
      const id = ++lastId;
      return new Promise<void>((resolve) => {
        waiting.set(id, resolve);
        worker.postMessage({ change, id } satisfies ToRenderer);
      });
    },
    async stop() {
      stopping = true;
      await new Promise<void>((resolve) => {
        stopped = resolve;
        worker.postMessage({ stop: true } satisfies ToRenderer);
      });
      await worker.terminate();
    },
  };
}
