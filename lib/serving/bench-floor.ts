// The framework's floors, for `npm run bench:render` and `npm run bench`: what Next costs any
// request, so a page's own cost (its data and components) can be told apart from it. Both answer a
// page's finished HTML from memory:
// - the route floor (app/api/bench-floor/route.ts), a plain route handler, the cheapest answer Next
//   gives;
// - the page floor (app/api/bench-floor/rendered/page.tsx), a page component that returns the same
//   HTML as one element in the root layout: what the App Router's page pipeline (a flight render,
//   then HTML) costs before any component or data of ours.
// They exist only when the bench names the folder of captured pages (MASTHEAD_BENCH_FLOOR_DIR);
// everywhere else they are not found.
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

const bodies = new WeakMap<Buffer, string>();

/** What is inside the captured page's body, for the page floor to return as one element: cut out
 * once per captured page, as the page is read once, so the floor pays only for Next's pipeline. */
export async function benchFloorBody(name: string | null): Promise<string | null> {
  const page = await benchFloorPage(name);
  if (!page) return null;
  let body = bodies.get(page);
  if (body === undefined) {
    const html = page.toString('utf8');
    body = /<body[^>]*>([\s\S]*)<\/body>/.exec(html)?.[1] ?? html;
    bodies.set(page, body);
  }
  return body;
}
