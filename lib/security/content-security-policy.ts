// The Content-Security-Policy of every page Next renders: scripts run only with this response's
// nonce (and what those scripts load, 'strict-dynamic'), so markup that slipped into a page could
// not run script even if it got past the renderer's allow-list. The production server sends reader
// pages with a stricter policy still: no script at all, or on a live story only its updater
// (lib/page-cache).
import { EMBED_FRAME_ORIGINS } from '../content/embed-providers.ts';

/** A policy in the site's one shape: what differs between pages (their scripts, what they may
 * fetch, where their images may come from) is named; the rest is the same everywhere. */
export function policyOf({ scriptSrc, connectSrc, imgSrc }: { scriptSrc: string; connectSrc: string; imgSrc: string }): string {
  return [
    "default-src 'self'",
    `script-src ${scriptSrc}`,
    // Inline style attributes carry the school's accent colour and the editor's layout.
    "style-src 'self' 'unsafe-inline'",
    `img-src ${imgSrc}`,
    "font-src 'self' data:",
    `connect-src ${connectSrc}`,
    // A story's YouTube or Vimeo video loads in its frame when the reader presses play (lib/content/embed.ts).
    `frame-src 'self' ${EMBED_FRAME_ORIGINS.join(' ')}`,
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join('; ');
}

export function pagePolicy(nonce: string, development = process.env.NODE_ENV === 'development'): string {
  return policyOf({
    // The development server's hot reload evaluates code; production never does.
    scriptSrc: `'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ''}`,
    connectSrc: "'self'",
    imgSrc: "'self' data: blob: https:",
  });
}

export function newNonce(): string {
  return btoa(crypto.randomUUID());
}

/** The script nonce of a policy made by pagePolicy, for a script element a page writes itself. */
export function nonceOf(policy: string | null): string | undefined {
  return policy?.match(/'nonce-([^']+)'/)?.[1];
}
