// What readers may see: only live articles (those with a published revision), and of those only
// the published revision: a pending edit stays in the newsroom, whatever its workflow status,
// until it is approved and published. Unpublishing clears the published revision.
import { z } from 'zod';
import { db } from '../db.ts';
import type { NameDisplayPolicy } from '../generated/prisma/enums.ts';
import { publicName } from '../people/names.ts';
import { bioLine } from '../people/profile.ts';

export interface ReaderSchool {
  id: string;
  nameDisplayPolicy: NameDisplayPolicy;
  allowContactEmails: boolean;
  name: string;
}

const BylineSnapshot = z.array(z.object({ membershipId: z.string().nullable(), guestName: z.string().nullable(), title: z.string() }));

export interface PublicByline {
  title: string;
  name: string;
  profileSlug: string | null;
  bio: string | null;
  contactEmail: string | null;
}

const summaryFields = {
  id: true,
  slug: true,
  publishedAt: true,
  firstPublishedAt: true,
  section: { select: { name: true, slug: true } },
  publishedRevision: { select: { headline: true, deck: true } },
} as const;

export async function listPublishedArticles(school: ReaderSchool, options: { take?: number } = {}) {
  const rows = await db.article.findMany({
    where: { schoolId: school.id, publishedRevisionId: { not: null } },
    orderBy: { publishedAt: 'desc' },
    take: options.take ?? 20,
    select: summaryFields,
  });
  return rows.map(({ publishedRevision, ...row }) => ({ ...row, headline: publishedRevision!.headline, deck: publishedRevision!.deck }));
}

export type PublishedArticleSummary = Awaited<ReturnType<typeof listPublishedArticles>>[number];

export async function getPublishedArticle(school: ReaderSchool, slug: string) {
  const article = await db.article.findUnique({
    where: { schoolId_slug: { schoolId: school.id, slug } },
    select: {
      ...summaryFields,
      status: true,
      updatedAt: true,
      publishedRevision: { select: { headline: true, deck: true, body: true, bylines: true, createdAt: true } },
      corrections: { select: { id: true, note: true, createdAt: true }, orderBy: { createdAt: 'asc' } },
    },
  });
  if (!article || !article.publishedRevision) return null;
  const bylines = await resolveBylines(school, article.publishedRevision.bylines);
  return { ...article, revision: article.publishedRevision, bylines };
}

async function resolveBylines(school: ReaderSchool, snapshot: unknown): Promise<PublicByline[]> {
  const entries = BylineSnapshot.safeParse(snapshot);
  if (!entries.success) return [];
  const memberIds = entries.data.flatMap((entry) => (entry.membershipId ? [entry.membershipId] : []));
  const members = await db.membership.findMany({
    where: { schoolId: school.id, id: { in: memberIds } },
    select: { id: true, slug: true, displayName: true, bio: true, classYear: true, contactEmail: true, showContactEmail: true },
  });
  const byId = new Map(members.map((member) => [member.id, member]));
  return entries.data.flatMap((entry): PublicByline[] => {
    if (!entry.membershipId) return entry.guestName ? [{ title: entry.title, name: entry.guestName, profileSlug: null, bio: null, contactEmail: null }] : [];
    const member = byId.get(entry.membershipId);
    if (!member) return [];
    const name = publicName(member.displayName, school.nameDisplayPolicy);
    return [
      {
        title: entry.title,
        name,
        profileSlug: member.slug,
        bio: bioLine(member, name, school.name),
        // Shown only when the school allows it and the student opted in.
        contactEmail: school.allowContactEmails && member.showContactEmail ? member.contactEmail : null,
      },
    ];
  });
}

/** Whether an address once held an article that has since been unpublished (answer 410 Gone). */
export async function isUnpublishedArticle(schoolSlug: string, slug: string): Promise<boolean> {
  const article = await db.article.findFirst({
    where: { slug, school: { slug: schoolSlug }, publishedRevisionId: null, unpublishedAt: { not: null } },
    select: { id: true },
  });
  return article !== null;
}

/** The school's corrections page: every correction to an article readers can still read, newest first. */
export async function listCorrections(school: ReaderSchool, options: { take?: number } = {}) {
  return db.correction.findMany({
    where: { schoolId: school.id, article: { publishedRevisionId: { not: null } } },
    orderBy: { createdAt: 'desc' },
    take: options.take ?? 100,
    select: { id: true, note: true, createdAt: true, article: { select: { slug: true, publishedRevision: { select: { headline: true } } } } },
  });
}
