// The renderer thread's first module (scripts/lib/renderer-thread.ts). Node 20 does not run the
// parent's `--import tsx` in a worker thread, so the thread registers tsx itself before loading
// the TypeScript renderer.
import { register } from 'tsx/esm/api';

register();
await import('../production-renderer.ts');
