// The reader site's pages as the file system declares them (app/(site)/…/page.tsx under their
// layouts), read the way Next reads them, for the production server to render them itself
// (server/direct-render.tsx). Only the shapes it can render exactly as Next does are rendered there:
// plain folders and `[param]` folders, pages under layouts. Every other page is still matched, so
// that an address goes to the route Next would choose, but is marked as Next's: a folder with a
// loading or error boundary (and everything under it), a catch-all, a parallel route's slot.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';

export interface ReaderRoute {
  /** The URL's segments: a name, or a parameter as `[name]`. */
  segments: string[];
  /** The folder under app/ ("(site)/[school]/articles/[slug]"). */
  folder: string;
  pageFile: string;
  /** Layouts from the outermost in, the root layout (app/layout.tsx) not among them. */
  layoutFiles: string[];
  /** Why Next renders this page rather than the production server, or null. */
  leftToNext: string | null;
}

export interface MatchedRoute {
  route: ReaderRoute;
  params: Record<string, string>;
}

const MODULE_EXTENSIONS = ['.tsx', '.ts', '.jsx', '.js'];
// Files that change how Next renders a folder's pages: this renderer does not model them.
const SPECIAL_FILES = ['loading', 'error', 'template', 'not-found', 'forbidden', 'unauthorized', 'default', 'global-error'];

function moduleIn(directory: string, name: string): string | null {
  for (const extension of MODULE_EXTENSIONS) {
    const file = path.join(directory, `${name}${extension}`);
    if (existsSync(file)) return file;
  }
  return null;
}

// Intercepting folders ("(.)photo") only change client-side navigation, which reader pages do not
// do: an address typed or followed renders the folder's ordinary route.
const isIntercepting = (name: string) => /^\(\.{1,3}\)/.test(name);
const isGroup = (name: string) => /^\(.+\)$/.test(name) && !isIntercepting(name);
const isParam = (name: string) => /^\[[A-Za-z_]\w*\]$/.test(name);
const isCatchAll = (name: string) => /^\[\[?\.\.\.[A-Za-z_]\w*\]\]?$/.test(name);
const isOptional = (name: string) => name.startsWith('[[');
const isPlain = (name: string) => /^[\w.-]+$/.test(name) && !name.startsWith('_');

/** How late Next tries a segment: a name, then a parameter, then a catch-all, then an optional one. */
function rank(segment: string): number {
  return isCatchAll(segment) ? (isOptional(segment) ? 3 : 2) : isParam(segment) ? 1 : 0;
}

/** Every page under app/<root> ("(site)"), with its layouts, in the order Next tries them. */
export function scanReaderRoutes(appDir: string, root: string): ReaderRoute[] {
  const routes: ReaderRoute[] = [];
  const walk = (folder: string, segments: string[], layoutFiles: string[], inherited: string | null) => {
    const directory = path.join(appDir, folder);
    const entries = readdirSync(directory, { withFileTypes: true });
    const special = SPECIAL_FILES.find((name) => moduleIn(directory, name));
    const slot = entries.find((entry) => entry.isDirectory() && entry.name.startsWith('@'));
    const leftToNext = inherited ?? (special ? `${folder} has ${special}` : slot ? `${folder} has the slot ${slot.name}` : null);
    const layout = moduleIn(directory, 'layout');
    const layouts = layout ? [...layoutFiles, layout] : layoutFiles;
    const page = moduleIn(directory, 'page');
    const last = segments.at(-1);
    const caughtAll = last !== undefined && isCatchAll(last) ? `${folder} is a catch-all` : null;
    if (page) routes.push({ segments, folder, pageFile: page, layoutFiles: layouts, leftToNext: leftToNext ?? caughtAll });
    for (const entry of entries) {
      if (!entry.isDirectory()) continue;
      const name = entry.name;
      if (isGroup(name)) walk(path.join(folder, name), segments, layouts, leftToNext);
      else if (isParam(name) || isCatchAll(name) || isPlain(name)) walk(path.join(folder, name), [...segments, name], layouts, leftToNext);
    }
  };
  if (isGroup(root)) walk(root, [], [], null);
  return routes.sort((a, b) => {
    for (let i = 0; i < Math.max(a.segments.length, b.segments.length); i++) {
      const difference = rank(a.segments[i] ?? '') - rank(b.segments[i] ?? '');
      if (difference !== 0) return difference;
    }
    return 0;
  });
}

/** The route a path ("/ravens/articles/x", no trailing slash) is, with its parameters decoded as
 * Next decodes them; null when none is, or a segment cannot be decoded. */
export function matchReaderRoute(routes: ReaderRoute[], pathname: string): MatchedRoute | null {
  if (!pathname.startsWith('/') || (pathname.length > 1 && pathname.endsWith('/'))) return null;
  const parts = pathname === '/' ? [] : pathname.slice(1).split('/');
  if (parts.some((part) => part === '')) return null;
  let decoded: string[];
  try {
    decoded = parts.map((part) => decodeURIComponent(part));
  } catch {
    return null;
  }
  for (const route of routes) {
    const last = route.segments.at(-1);
    const catchAll = last !== undefined && isCatchAll(last);
    const fixed = catchAll ? route.segments.length - 1 : route.segments.length;
    if (catchAll ? parts.length < fixed + (isOptional(last) ? 0 : 1) : parts.length !== fixed) continue;
    const params: Record<string, string> = {};
    let encodedName = false;
    const matched = route.segments.slice(0, fixed).every((segment, i) => {
      if (isParam(segment)) {
        params[segment.slice(1, -1)] = decoded[i]!;
        return true;
      }
      // A name written with escapes ("%61bout") is left to Next, which decides what it is.
      if (segment !== parts[i] && segment === decoded[i]) encodedName = true;
      return segment === parts[i];
    });
    if (encodedName) return null;
    if (matched) return { route, params };
  }
  return null;
}

/** A page's query as Next gives it to the page: a name given twice has its values in a list. */
export function searchParamsOf(search: URLSearchParams): Record<string, string | string[]> {
  const params: Record<string, string | string[]> = {};
  for (const [name, value] of search) {
    const previous = params[name];
    params[name] = previous === undefined ? value : Array.isArray(previous) ? [...previous, value] : [previous, value];
  }
  return params;
}

/**
 * The stylesheets Next links from a page of the build in `distDir` (under `projectRoot`), in its
 * order: the CSS of the root layout, the route's layouts and the page, read from the page's client
 * reference manifest (the file Next's own renderer reads them from). Null when the build does not
 * say, or inlines them: that page is left to Next.
 */
export function stylesheetsOf(projectRoot: string, distDir: string, route: ReaderRoute): string[] | null {
  const file = path.join(distDir, 'server/app', route.folder, 'page_client-reference-manifest.js');
  if (!existsSync(file)) return null;
  const context: { __RSC_MANIFEST?: Record<string, { entryCSSFiles?: Record<string, { path: string; inlined?: boolean }[]> }> } = {};
  vm.runInNewContext(readFileSync(file, 'utf8'), Object.assign(context, { globalThis: context }));
  const manifest = context.__RSC_MANIFEST?.[`/${route.folder.split(path.sep).join('/')}/page`];
  const entries = manifest?.entryCSSFiles;
  if (!entries || !entries['[project]/app/layout']) return null;
  const owners = ['app/layout', ...[...route.layoutFiles, route.pageFile].map((file) => path.relative(projectRoot, file).replace(/\.[jt]sx?$/, ''))];
  const hrefs: string[] = [];
  for (const owner of owners) {
    for (const entry of entries[`[project]/${owner.split(path.sep).join('/')}`] ?? []) {
      if (entry.inlined) return null;
      const href = `/_next/${entry.path}`;
      if (!hrefs.includes(href)) hrefs.push(href);
    }
  }
  return hrefs;
}
