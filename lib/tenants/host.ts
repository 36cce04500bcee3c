// Which school a request is for, from its host name. Pure functions: the proxy and the tests
// use them without a database; custom domains are looked up in resolve.ts.
import { z } from 'zod';
import { RESERVED_SLUGS } from '../routes.ts';

export const SchoolSlug = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9](?:[a-z0-9-]{0,46}[a-z0-9])?$/, 'Use 1–48 lower-case letters, digits and hyphens, not starting or ending with a hyphen.')
  .refine((slug) => !RESERVED_SLUGS.has(slug), 'That name is reserved.');

export function normalizeHost(host: string | null | undefined): string | null {
  if (!host) return null;
  const withoutPort = host.trim().toLowerCase().replace(/:\d+$/, '').replace(/\.$/, '');
  return /^[a-z0-9.-]+$/.test(withoutPort) ? withoutPort : null;
}

export type HostKind =
  | { kind: 'platform' } // the root domain itself, or any host when no root domain is set
  | { kind: 'subdomain'; slug: string }
  | { kind: 'custom'; host: string };

/** Classify a request host against the configured root domain (e.g. "masthead.news"). */
export function classifyHost(rawHost: string | null | undefined, rootDomain: string | undefined): HostKind {
  const host = normalizeHost(rawHost);
  const root = normalizeHost(rootDomain);
  if (!host || !root) return { kind: 'platform' };
  if (host === root || host === `www.${root}`) return { kind: 'platform' };
  if (host.endsWith(`.${root}`)) {
    const label = host.slice(0, -root.length - 1);
    const slug = SchoolSlug.safeParse(label);
    return slug.success && !label.includes('.') ? { kind: 'subdomain', slug: slug.data } : { kind: 'platform' };
  }
  if (host === 'localhost' || /^\d+\.\d+\.\d+\.\d+$/.test(host)) return { kind: 'platform' };
  return { kind: 'custom', host };
}
