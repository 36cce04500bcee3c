// The production server (`npm start`, and `npm run bench`): Next.js behind the reader page cache,
// with admission control in front of the renders (lib/serving/admission.ts). Started by
// scripts/serve.ts --production, which provides the database and the environment.
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { Session } from 'node:inspector/promises';
import next from 'next';
import { AudienceCounter } from '../lib/audience/counter.ts';
import { loopbackUpstream, ReaderPageCache } from '../lib/page-cache/index.ts';
import { AdmissionLane, gatedUpstream, laneLimitsFromEnvironment } from '../lib/serving/admission.ts';
import { directRenderer, renderingReaderPagesDirectly } from '../server/direct-render.tsx';
import { projectRoot } from './lib/database.ts';

// MASTHEAD_CPU_PROFILE=<file>: a CPU profile of this process from start to shutdown (open it in
// Chrome's DevTools), to see where a bench's time goes before changing anything.
const profiler = process.env.MASTHEAD_CPU_PROFILE ? new Session() : null;
if (profiler) {
  profiler.connect();
  await profiler.post('Profiler.setSamplingInterval', { interval: 200 });
  await profiler.post('Profiler.enable');
  await profiler.post('Profiler.start');
}
async function saveProfile(): Promise<void> {
  if (!profiler) return;
  const { profile } = await profiler.post('Profiler.stop');
  writeFileSync(process.env.MASTHEAD_CPU_PROFILE!, JSON.stringify(profile));
}

const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOST ?? '127.0.0.1';
const app = next({ dev: false, dir: projectRoot, hostname, port });
const render = app.getRequestHandler();
await app.prepare();

// MASTHEAD_AUDIENCE=off stops counting (the bench compares the two).
const audience =
  process.env.MASTHEAD_AUDIENCE === 'off'
    ? null
    : new AudienceCounter({ databaseUrl: process.env.DATABASE_URL!, flushIntervalMs: Number(process.env.MASTHEAD_AUDIENCE_FLUSH_MS ?? 5_000), log: (line) => console.log(line) });
audience?.start();
const cache = new ReaderPageCache({
  databaseUrl: process.env.DATABASE_URL!,
  log: (line) => console.log(line),
  onReaderPage: audience ? (request, school) => audience.record(request, school) : undefined,
});
await cache.start();
const limits = laneLimitsFromEnvironment();
const lanes = { reader: new AdmissionLane(limits.reader), newsroom: new AdmissionLane(limits.newsroom) };
const nextUpstream = await loopbackUpstream((request, response) => render(request, response));
// Reader pages are rendered here without Next's page pipeline (server/direct-render.tsx) unless
// MASTHEAD_DIRECT_RENDER=off (the bench and e2e/direct-render.spec.ts compare the two).
const direct =
  process.env.MASTHEAD_DIRECT_RENDER === 'off' ? null : await directRenderer({ projectRoot, distDir: path.join(projectRoot, process.env.NEXT_DIST_DIR || '.next'), log: (line) => console.log(line) });
const upstream = gatedUpstream(direct ? renderingReaderPagesDirectly(nextUpstream, direct) : nextUpstream, lanes);
const server = createServer((request, response) => {
  cache.handle(request, response, upstream)?.catch((error: unknown) => {
    console.error(error);
    if (!response.headersSent) response.writeHead(500).end();
  });
});
// Keep-alive longer than a load balancer's idle timeout, so it never reuses a socket we closed.
server.keepAliveTimeout = 65_000;
server.listen(port, hostname, () => console.log(`[masthead] production server on http://${hostname}:${port}`));

function shutDown(): void {
  server.close();
  void Promise.all([cache.stop(), upstream.close(), audience?.stop(), saveProfile()])
    .then(() => app.close())
    .finally(() => process.exit(0));
}
process.on('SIGTERM', shutDown);
process.on('SIGINT', shutDown);
