// Tenant lookup. Every tenant-scoped function elsewhere takes the School resolved here (from the
// path or host), never a school id from a request body.
import { cache } from 'react';
import { db, PLATFORM, dbFor } from '../db.ts';
import { SchoolSlug, normalizeHost } from './host.ts';
import { cachedSchool } from './school-cache.ts';

export const publicSchoolFields = {
  id: true,
  slug: true,
  name: true,
  newspaperName: true,
  tagline: true,
  timeZone: true,
  locale: true,
  accentColor: true,
  nameDisplayPolicy: true,
  allowContactEmails: true,
  contentVersion: true,
  logoMediaId: true,
  currentSchoolYear: true,
  commentsEnabled: true,
  commenterNamePolicy: true,
  // Every page of the paper shows the section list: it comes in the same statement as the school.
  sections: { select: { id: true, name: true, slug: true }, orderBy: { position: 'asc' } },
} as const;

export type School = Awaited<ReturnType<typeof findSchoolBySlug>> & {};

export async function findSchoolBySlug(slug: string) {
  const parsed = SchoolSlug.safeParse(slug);
  if (!parsed.success) return null;
  // Which school a request is for, with its public section list: read by its public address before
  // any school is known, so across schools (the sections sit under row-level security).
  return dbFor(PLATFORM).school.findUnique({ where: { slug: parsed.data }, select: publicSchoolFields });
}

/** The school a request is for: kept between requests while changes are heard (school-cache.ts),
 * and memoized per request, so layouts and pages of one request share one lookup. */
export const getSchoolBySlug = cache((slug: string) => cachedSchool(slug, () => findSchoolBySlug(slug)));

export async function findSchoolSlugByCustomHost(rawHost: string): Promise<string | null> {
  const host = normalizeHost(rawHost);
  if (!host) return null;
  const domain = await dbFor(PLATFORM).schoolDomain.findUnique({ where: { host }, select: { school: { select: { slug: true } } } });
  return domain?.school.slug ?? null;
}

export async function listSchools() {
  return db.school.findMany({ select: { slug: true, name: true, newspaperName: true }, orderBy: { name: 'asc' } });
}
