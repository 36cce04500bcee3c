// Reader pages rendered by the production server itself, without Next's page pipeline.
//
// Why: an App Router page costs 4–6 ms of CPU on our machines before any of our components run
// (React renders it to its flight format, then renders that again to HTML; docs/BENCHMARKS.md,
// "Uncached reader pages", measures it as the page floor). Reader pages need none of what that
// buys: they carry no client components (tests/reader/no-client-code.test.ts) and go out without
// scripts (lib/page-cache). So the pages Next builds from app/(site) — the same modules, layouts
// and components — are rendered here once, with react-dom's static renderer, into the document Next
// would send: components/site/HtmlDocument, with the head of components/site/DocumentHead.
//
// What this does not model goes to Next exactly as before, so the answer is always Next's or the
// same as Next's: any page that does not render to the end (notFound(), a Next request API such
// as headers()), a page whose metadata uses a field lib/serving/page-metadata does not render, the
// hosts the proxy rewrites (a school's subdomain or own domain), and the addresses the proxy answers
// before a page (an old address, a trailing slash). e2e/direct-render.spec.ts compares every kind of
// reader page with Next's rendering of it. MASTHEAD_DIRECT_RENDER=off turns it off.
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Metadata } from 'next';
import type { ComponentType, ReactNode } from 'react';
import { prerenderToNodeStream } from 'react-dom/static';
import { DocumentHead } from '../components/site/DocumentHead.tsx';
import { HtmlDocument } from '../components/site/HtmlDocument.tsx';
import { oldAddressKey } from '../lib/articles/redirects.ts';
import { SCHOOL_HEADER, WHOLE_PAGE_HEADER, type RenderedPage } from '../lib/page-cache/index.ts';
import { readerPageSchool } from '../lib/routes.ts';
import { ROOT_METADATA, resolvePageMetadata } from '../lib/serving/page-metadata.ts';
import { matchReaderRoute, scanReaderRoutes, searchParamsOf, stylesheetsOf, type ReaderRoute } from '../lib/serving/reader-routes.ts';
import { classifyHost } from '../lib/tenants/host.ts';

type RouteProps = { params: Promise<Record<string, string>>; searchParams: Promise<Record<string, string | string[]>> };
interface PageModule {
  default: ComponentType<RouteProps>;
  generateMetadata?: (props: RouteProps) => Promise<Metadata> | Metadata;
  metadata?: Metadata;
}
interface LayoutModule {
  default: ComponentType<{ params: RouteProps['params']; children: ReactNode }>;
}
interface RenderableRoute {
  page: PageModule;
  layouts: LayoutModule[];
  stylesheets: string[];
  /** The stylesheets again, as the Link header Next sends with a page (a CDN may push them early). */
  preloadLink: string;
}

// What next/navigation's notFound() throws: the everyday reason a page goes to Next (its 404 page).
const NOT_FOUND_DIGEST = 'NEXT_HTTP_ERROR_FALLBACK;404';
// A page or layout exporting anything else (route segment config, viewport, static params) asks
// Next for something this renderer does not do.
const PAGE_EXPORTS = new Set(['default', 'generateMetadata', 'metadata']);
const LAYOUT_EXPORTS = new Set(['default']);

export interface DirectRenderer {
  /** The page, rendered here, or null: Next renders it. */
  render(request: IncomingMessage): Promise<RenderedPage | null>;
}

/** The reader pages of app/(site) in `projectRoot`, with the stylesheets of the build in `distDir`. */
export async function directRenderer(options: { projectRoot: string; distDir: string; log: (line: string) => void }): Promise<DirectRenderer> {
  const { projectRoot, distDir, log } = options;
  const renderable = new Map<ReaderRoute, RenderableRoute>();
  const routes = scanReaderRoutes(path.join(projectRoot, 'app'), '(site)');
  for (const route of routes) {
    const why = await (async () => {
      if (route.leftToNext) return route.leftToNext;
      const stylesheets = stylesheetsOf(projectRoot, distDir, route);
      if (!stylesheets) return 'the build does not list its stylesheets';
      const page = (await import(pathToFileURL(route.pageFile).href)) as PageModule;
      const layouts = (await Promise.all(route.layoutFiles.map((file) => import(pathToFileURL(file).href)))) as LayoutModule[];
      const extra = [...Object.keys(page).filter((name) => !PAGE_EXPORTS.has(name)), ...layouts.flatMap((layout) => Object.keys(layout).filter((name) => !LAYOUT_EXPORTS.has(name)))];
      if (extra.length) return `it exports ${extra.join(', ')}`;
      renderable.set(route, { page, layouts, stylesheets, preloadLink: stylesheets.map((href) => `<${href}>; rel=preload; as="style"`).join(', ') });
      return null;
    })().catch((error: unknown) => `it could not be loaded (${(error as Error).message})`);
    if (why) log(`[direct-render] ${route.folder} is left to Next: ${why}`);
  }
  const securityHeaders = await headersForEveryPath(projectRoot);
  const rootDomain = process.env.MASTHEAD_ROOT_DOMAIN;
  const told = new Set<string>();

  async function render(request: IncomingMessage): Promise<RenderedPage | null> {
    if (request.method !== 'GET') return null;
    // Hosts the proxy rewrites into a school are left to it.
    if (rootDomain && classifyHost(request.headers.host, rootDomain).kind !== 'platform') return null;
    const url = new URL(request.url ?? '/', 'http://direct-render.invalid');
    const school = readerPageSchool(url.pathname);
    if (!school || oldAddressKey(url.pathname, school, url.search) !== null) return null;
    const matched = matchReaderRoute(routes, url.pathname);
    const route = matched && renderable.get(matched.route);
    if (!matched || !route) return null;
    const props: RouteProps = { params: Promise.resolve(matched.params), searchParams: Promise.resolve(searchParamsOf(url.searchParams)) };
    const metadata = Promise.resolve(route.page.generateMetadata ? route.page.generateMetadata(props) : (route.page.metadata ?? {})).then((page) => {
      const resolved = resolvePageMetadata(ROOT_METADATA, page);
      if (!resolved.ok) throw new Error(`its metadata has ${resolved.unsupported}, which is not rendered here`);
      return resolved.metadata;
    });
    // Awaited by the head; a page that fails first leaves it to be handled here.
    metadata.catch(() => {});
    // The head waits for the metadata while the page loads its own data.
    async function Head() {
      return <DocumentHead stylesheets={route!.stylesheets} metadata={await metadata} />;
    }
    const Page = route.page.default;
    const body = route.layouts.reduceRight<ReactNode>(
      (children, layout) => {
        const Layout = layout.default;
        return <Layout params={props.params}>{children}</Layout>;
      },
      <Page {...props} />,
    );
    try {
      const { prelude } = await prerenderToNodeStream(<HtmlDocument head={<Head />}>{body}</HtmlDocument>, { onError: () => {} });
      const chunks: Buffer[] = [];
      for await (const chunk of prelude) chunks.push(chunk as Buffer);
      return {
        status: 200,
        headers: { ...securityHeaders, 'content-type': 'text/html; charset=utf-8', link: route.preloadLink, [SCHOOL_HEADER]: school },
        body: Buffer.concat(chunks),
      };
    } catch (error) {
      // notFound(), a Next request API, metadata not rendered here, or a fault: Next answers it (and
      // reports a fault as it does for any page). Each other reason is told once, so that a page
      // that stopped being rendered here does not go unnoticed.
      const reason = (error as { digest?: unknown }).digest === NOT_FOUND_DIGEST ? null : `${matched.route.folder} went to Next: ${(error as Error).message}`;
      if (reason && !told.has(reason) && told.size < 100) {
        told.add(reason);
        log(`[direct-render] ${reason}`);
      }
      return null;
    }
  }

  log(`[direct-render] ${renderable.size} of the ${routes.length} reader pages are rendered here`);
  return { render };
}

/** next.config.js's headers for every path (the security headers), as Next adds them to a page. */
async function headersForEveryPath(projectRoot: string): Promise<Record<string, string>> {
  const config = (await import(pathToFileURL(path.join(projectRoot, 'next.config.js')).href)) as {
    default: { headers?: () => Promise<{ source: string; headers: { key: string; value: string }[] }[]> };
  };
  const rules = (await config.default.headers?.()) ?? [];
  return Object.fromEntries(rules.filter((rule) => rule.source === '/:path*').flatMap((rule) => rule.headers.map(({ key, value }) => [key.toLowerCase(), value])));
}

/** The app with the page cache's requests for whole reader pages (WHOLE_PAGE_HEADER) rendered
 * here first; everything else, and what is not rendered here, goes to `app` (Next). */
export function servingReaderPagesDirectly(app: (request: IncomingMessage, response: ServerResponse) => Promise<void>, renderer: DirectRenderer) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const page = request.headers[WHOLE_PAGE_HEADER] ? await renderer.render(request) : null;
    if (!page) return app(request, response);
    response.writeHead(page.status, page.headers);
    response.end(page.body);
  };
}
