// The framework's floor, for `npm run bench:render`: a plain Next route in the same build that
// answers with a page's finished HTML from memory, so a page's own cost (its data and rendering)
// can be told apart from what Next and the server cost any request. Exists only when the bench
// names the folder of captured pages (MASTHEAD_BENCH_FLOOR_DIR); everywhere else it is not found.
import { readFile } from 'node:fs/promises';
import path from 'node:path';

const pages = new Map<string, Promise<Buffer | null>>();

export function benchFloorPage(name: string | null): Promise<Buffer | null> {
  const folder = process.env.MASTHEAD_BENCH_FLOOR_DIR;
  if (!folder || !name || !/^[a-z]+$/.test(name)) return Promise.resolve(null);
  let page = pages.get(name);
  if (!page) {
    page = readFile(path.join(folder, `${name}.html`)).catch(() => null);
    pages.set(name, page);
  }
  return page;
}
