// The production server's renderer (started by scripts/production-server.ts on a thread of its
// own): Next.js, and reader pages rendered directly (server/direct-render.tsx), on a private
// loopback port. Next, React and their AsyncLocalStorage hooks live on this thread only, so the
// front's thread, which answers every cache hit, does not pay for them on each request.
import path from 'node:path';
import { parentPort } from 'node:worker_threads';
import next from 'next';
import { listenOnLoopback } from '../lib/page-cache/index.ts';
import { applyKeptRowsChange } from '../lib/serving/apply-kept-rows-change.ts';
import { directRenderer, servingReaderPagesDirectly } from '../server/direct-render.tsx';
import { profileThisThread } from './lib/cpu-profile.ts';
import { projectRoot } from './lib/database.ts';
import type { FromRenderer, ToRenderer } from './lib/renderer-thread.ts';

const front = parentPort!;
const tell = (message: FromRenderer) => front.postMessage(message);
const stopProfile = await profileThisThread(process.env.MASTHEAD_CPU_PROFILE);

const hostname = process.env.HOST ?? '127.0.0.1';
const app = next({ dev: false, dir: projectRoot, hostname, port: Number(process.env.PORT ?? 3000) });
const nextHandler = app.getRequestHandler();
await app.prepare();
// Reader pages are rendered here without Next's page pipeline unless MASTHEAD_DIRECT_RENDER=off
// (the bench and e2e/direct-render.spec.ts compare the two).
const direct =
  process.env.MASTHEAD_DIRECT_RENDER === 'off' ? null : await directRenderer({ projectRoot, distDir: path.join(projectRoot, process.env.NEXT_DIST_DIR || '.next'), log: (line) => console.log(line) });
const server = await listenOnLoopback(direct ? servingReaderPagesDirectly(nextHandler, direct) : (request, response) => nextHandler(request, response));

front.on('message', (message: ToRenderer) => {
  if ('change' in message) {
    applyKeptRowsChange(message.change);
    tell({ applied: message.id });
  } else {
    server.closeAllConnections();
    server.close();
    void Promise.all([app.close(), stopProfile()]).finally(() => tell({ stopped: true }));
  }
});
const address = server.address();
tell({ ready: typeof address === 'object' && address ? address.port : 0 });
