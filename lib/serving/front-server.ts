// The production server's front door (scripts/production-server.ts): every request goes through
// the reader page cache to the app, and a stop lets the requests under way finish. Instances are
// replaced one by one in a deploy; a request that was being answered when its instance was told
// to stop must get its answer, not a dropped connection or a 500 from a renderer already gone.
import { createServer, type Server } from 'node:http';
import type { ReaderPageCache, Upstream } from '../page-cache/index.ts';

export interface FrontServer {
  server: Server;
  /** Takes no new connections, waits up to `maxWaitMs` for the requests under way to be answered,
   * then closes every connection. The caller stops the cache and the app after it. */
  close(maxWaitMs: number): Promise<void>;
}

export function frontServer(cache: ReaderPageCache, upstream: Upstream): FrontServer {
  // Cache hits are answered before `handle` returns; only what goes to the app is counted.
  let underWay = 0;
  let allAnswered: (() => void) | null = null;
  const server = createServer((request, response) => {
    const answering = cache.handle(request, response, upstream);
    if (!answering) return;
    underWay++;
    answering
      .catch((error: unknown) => {
        console.error(error);
        if (!response.headersSent) response.writeHead(500).end();
      })
      .finally(() => {
        if (--underWay === 0) allAnswered?.();
      });
  });
  // Keep-alive longer than a load balancer's idle timeout, so it never reuses a socket we closed.
  server.keepAliveTimeout = 65_000;
  return {
    server,
    async close(maxWaitMs) {
      // Also closes the kept-alive connections that are idle; busy ones close after their answer.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      if (underWay > 0) {
        let gaveUp: NodeJS.Timeout | undefined;
        await Promise.race([new Promise<void>((resolve) => (allAnswered = resolve)), new Promise<void>((resolve) => (gaveUp = setTimeout(resolve, maxWaitMs)))]);
        clearTimeout(gaveUp);
      }
      server.closeAllConnections();
      await closed;
    },
  };
}
