// The production server (`npm start`, and `npm run bench`), one process on two threads. This one,
// the front, answers from the reader page cache and admits everything else through the admission
// lanes (lib/serving/admission.ts) to the renderer: Next.js and the direct reader renders, on a
// thread of their own (scripts/production-renderer.ts). The front loads no Next: a cache hit
// costs this thread its own work alone, not the AsyncLocalStorage hooks and patched ticks that
// Next and React install in the thread they run in (a third of a hit's time when they shared one).
// Started by scripts/serve.ts --production, which provides the database and the environment.
import { AudienceCounter } from '../lib/audience/counter.ts';
import { ReaderPageCache, remoteUpstream } from '../lib/page-cache/index.ts';
import { AdmissionLane, gatedUpstream, laneLimitsFromEnvironment } from '../lib/serving/admission.ts';
import { frontServer } from '../lib/serving/front-server.ts';
import { frontProfileFile, profileThisThread } from './lib/cpu-profile.ts';
import { startRendererThread } from './lib/renderer-thread.ts';

const stopProfile = await profileThisThread(frontProfileFile(process.env.MASTHEAD_CPU_PROFILE));
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOST ?? '127.0.0.1';
const renderer = await startRendererThread();

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
  keptRows: (change) => renderer.keptRows(change),
});
await cache.start();
const limits = laneLimitsFromEnvironment();
const lanes = { reader: new AdmissionLane(limits.reader), newsroom: new AdmissionLane(limits.newsroom) };
const upstream = gatedUpstream(remoteUpstream(renderer.port), lanes);
const front = frontServer(cache, upstream);
front.server.listen(port, hostname, () => console.log(`[masthead] production server on http://${hostname}:${port}`));

// MASTHEAD_DRAIN_MS: how long a stop waits for the requests under way (an upload, a render) to be
// answered, within the 30 s an orchestrator usually allows between its SIGTERM and its SIGKILL.
const drainMs = Number(process.env.MASTHEAD_DRAIN_MS ?? 20_000);
let stopping = false;
function shutDown(): void {
  if (stopping) return;
  stopping = true;
  void front
    .close(drainMs)
    .then(() => Promise.all([cache.stop(), upstream.close(), audience?.stop(), stopProfile()]))
    .then(() => renderer.stop())
    .finally(() => process.exit(0));
}
process.on('SIGTERM', shutDown);
process.on('SIGINT', shutDown);
