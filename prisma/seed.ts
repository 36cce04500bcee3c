// Demo data: two schools, so tenant isolation is visible from the first day. Idempotent: running it
// again changes nothing (every row is found by its natural key before it is created).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { disconnectDb, platformDb as db, PLATFORM, transactionFor } from '../lib/db.ts';
import { hashPassword } from '../lib/auth/password.ts';
import { importPlainText } from '../lib/content/import-text.ts';
import { docToPlainText, type ArticleDoc } from '../lib/content/document.ts';
import { contentHash } from '../lib/articles/content-hash.ts';
import { slugify } from '../lib/articles/slugs.ts';
import { readersSeeChange } from '../lib/articles/live.ts';
import type { Role } from '../lib/generated/prisma/enums.ts';

export const DEMO_PASSWORD = 'masthead-demo';

interface DemoMember {
  email: string;
  name: string;
  role: Role;
  slug: string;
  staffTitle?: string;
  classYear?: string;
  bio?: string;
  contactEmail?: string;
  showContactEmail?: boolean;
}

interface DemoTeam {
  name: string;
  sport: string;
  games: { opponent: string; site: 'HOME' | 'AWAY'; startsAt: string; score?: [number, number] }[];
}

interface DemoArticle {
  slug: string;
  section: string;
  headline: string;
  deck: string;
  doc: ArticleDoc;
  bylines: { memberSlug: string; title: string }[];
  published: boolean;
}

const fixturePath = process.env.MASTHEAD_SEED_ARTICLE ?? path.resolve(import.meta.dirname, 'fixtures/seed-article.txt');

function seedArticleFromFixture(): DemoArticle {
  const imported = importPlainText(readFileSync(fixturePath, 'utf8'));
  return {
    slug: 'north-korea-troops-russia-ukraine',
    section: 'world',
    headline: 'North Korean Troops Head to Russia, Unsettling Allies and Beijing',
    deck: 'Pyongyang’s largest deployment abroad since the Vietnam War raises new risks for East Asia — and an awkward question for China.',
    doc: imported.doc,
    bylines: [{ memberSlug: 'andrew-choi', title: imported.bylines[0]?.title ?? 'Student Reporter' }],
    published: true,
  };
}

function paragraphs(...texts: string[]): ArticleDoc {
  return { type: 'doc', content: texts.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) };
}

const schools = [
  {
    slug: 'canyon-crest',
    name: 'Canyon Crest Academy',
    newspaperName: 'The Raven Report',
    tagline: 'Student news from Canyon Crest Academy',
    timeZone: 'America/Los_Angeles',
    accentColor: '#7a1f2b',
    allowContactEmails: true,
    domains: ['ravenreport.test'],
    sections: ['News', 'Opinion', 'World', 'Sports'],
    teams: [
      {
        name: 'Varsity Football',
        sport: 'Football',
        games: [
          { opponent: 'Torrey Pines', site: 'HOME', startsAt: '2026-11-14T03:00:00Z', score: [28, 21] },
          { opponent: 'La Costa Canyon', site: 'AWAY', startsAt: '2026-11-21T03:00:00Z', score: [14, 17] },
          { opponent: 'Carlsbad', site: 'HOME', startsAt: '2026-12-05T03:00:00Z' },
        ],
      },
      { name: 'Girls Volleyball', sport: 'Volleyball', games: [{ opponent: 'San Dieguito', site: 'AWAY', startsAt: '2026-12-02T02:30:00Z' }] },
    ] satisfies DemoTeam[],
    members: [
      { email: 'adviser@canyoncrest.example', name: 'Elena Park', role: 'ADVISER', slug: 'elena-park', staffTitle: 'Faculty Adviser' },
      {
        email: 'editor@canyoncrest.example',
        name: 'Maya Patel',
        role: 'EDITOR',
        slug: 'maya-patel',
        staffTitle: 'Editor-in-Chief',
        classYear: 'Senior',
        bio: 'Maya Patel is a Senior student in Canyon Crest Academy',
      },
      {
        email: 'andrew.choi@canyoncrest.example',
        name: 'Andrew Choi',
        role: 'REPORTER',
        slug: 'andrew-choi',
        staffTitle: 'Staff Writer',
        classYear: 'Sophomore',
        bio: 'Andrew Choi is a Sophomore student in Canyon Crest Academy',
        contactEmail: 'reporter@example.edu',
        showContactEmail: true,
      },
      {
        email: 'jordan.reyes@canyoncrest.example',
        name: 'Jordan Reyes',
        role: 'REPORTER',
        slug: 'jordan-reyes',
        staffTitle: 'Staff Writer',
        classYear: 'Junior',
        bio: 'Jordan Reyes is a Junior student in Canyon Crest Academy',
      },
    ] satisfies DemoMember[],
    articles: () => [
      seedArticleFromFixture(),
      {
        slug: 'robotics-team-regional-final',
        section: 'news',
        headline: 'Robotics Team Reaches Regional Final',
        deck: 'A rebuilt drivetrain carried the Ravens through three elimination rounds.',
        doc: paragraphs('The Canyon Crest robotics team will compete in the regional final next month after a string of late-night rebuilds.'),
        bylines: [{ memberSlug: 'jordan-reyes', title: 'Staff Writer' }],
        published: false,
      },
    ],
    edition: { volume: 1, number: 1, issueDate: '2026-11-20', articleSlugs: ['north-korea-troops-russia-ukraine'] },
  },
  {
    slug: 'lincoln-high',
    name: 'Lincoln High School',
    newspaperName: 'The Lincoln Ledger',
    tagline: 'Lincoln High’s student newspaper since 1962',
    timeZone: 'America/Chicago',
    accentColor: '#1d4e89',
    allowContactEmails: false,
    domains: ['news.lincolnledger.test'],
    sections: ['News', 'Features', 'Sports'],
    teams: [{ name: 'Boys Basketball', sport: 'Basketball', games: [{ opponent: 'Jefferson', site: 'HOME', startsAt: '2026-12-03T01:00:00Z' }] }] satisfies DemoTeam[],
    members: [
      { email: 'adviser@lincoln.example', name: 'Samuel Okafor', role: 'ADVISER', slug: 'samuel-okafor', staffTitle: 'Faculty Adviser' },
      {
        email: 'reporter@lincoln.example',
        name: 'Riley Chen',
        role: 'REPORTER',
        slug: 'riley-chen',
        staffTitle: 'Staff Writer',
        classYear: 'Freshman',
        bio: 'Riley Chen is a Freshman student at Lincoln High School',
      },
      { email: 'writer@lincoln.example', name: 'Sam Rivera', role: 'REPORTER', slug: 'sam-rivera', staffTitle: 'Staff Writer', classYear: 'Junior' },
    ] satisfies DemoMember[],
    articles: () => [
      {
        slug: 'cafeteria-salad-bar',
        section: 'news',
        headline: 'Cafeteria to Add a Salad Bar After Student Petition',
        deck: 'More than 400 students signed.',
        doc: paragraphs('A petition started by the student council has convinced the district to add a salad bar to the Lincoln cafeteria.'),
        bylines: [{ memberSlug: 'riley-chen', title: 'Student Reporter' }],
        published: false,
      },
    ],
    edition: null,
  },
] as const;

export async function seedDemo(): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const demo of schools) {
    const school =
      (await db.school.findUnique({ where: { slug: demo.slug } })) ??
      (await db.school.create({
        data: {
          slug: demo.slug,
          name: demo.name,
          newspaperName: demo.newspaperName,
          tagline: demo.tagline,
          timeZone: demo.timeZone,
          accentColor: demo.accentColor,
          allowContactEmails: demo.allowContactEmails,
          domains: { create: demo.domains.map((host) => ({ host })) },
        },
      }));

    const sectionIds = new Map<string, string>();
    for (const [position, name] of demo.sections.entries()) {
      const slug = slugify(name);
      const section = await db.section.upsert({
        where: { schoolId_slug: { schoolId: school.id, slug } },
        update: {},
        create: { schoolId: school.id, name, slug, position },
      });
      sectionIds.set(slug, section.id);
    }

    const memberIds = new Map<string, { id: string; role: Role }>();
    for (const member of demo.members as readonly DemoMember[]) {
      const user = await db.user.upsert({
        where: { email: member.email },
        update: {},
        create: { email: member.email, name: member.name, passwordHash },
      });
      const membership = await db.membership.upsert({
        where: { schoolId_userId: { schoolId: school.id, userId: user.id } },
        update: {},
        create: {
          schoolId: school.id,
          userId: user.id,
          role: member.role,
          slug: member.slug,
          displayName: member.name,
          staffTitle: member.staffTitle ?? null,
          classYear: member.classYear ?? null,
          bio: member.bio ?? null,
          contactEmail: member.contactEmail ?? null,
          showContactEmail: member.showContactEmail ?? false,
        },
      });
      memberIds.set(member.slug, { id: membership.id, role: member.role });
    }
    const adviser = [...memberIds.values()].find((member) => member.role === 'ADVISER')!;

    // The sports desk's teams and a few games of the season; added once, like the stories.
    for (const demoTeam of demo.teams as readonly DemoTeam[]) {
      const slug = slugify(demoTeam.name);
      const team = await db.team.upsert({ where: { schoolId_slug: { schoolId: school.id, slug } }, update: {}, create: { schoolId: school.id, slug, name: demoTeam.name, sport: demoTeam.sport } });
      if ((await db.game.count({ where: { teamId: team.id } })) > 0) continue;
      await db.game.createMany({
        data: demoTeam.games.map((game) => ({
          schoolId: school.id,
          teamId: team.id,
          season: school.currentSchoolYear,
          opponent: game.opponent,
          site: game.site,
          startsAt: new Date(game.startsAt),
          ...(game.score ? { status: 'FINAL' as const, ourScore: game.score[0], theirScore: game.score[1] } : {}),
        })),
      });
    }

    const articleIds = new Map<string, string>();
    for (const demoArticle of demo.articles() as DemoArticle[]) {
      const existing = await db.article.findUnique({ where: { schoolId_slug: { schoolId: school.id, slug: demoArticle.slug } } });
      if (existing) {
        articleIds.set(demoArticle.slug, existing.id);
        continue;
      }
      const author = memberIds.get(demoArticle.bylines[0]!.memberSlug)!;
      const sectionId = sectionIds.get(demoArticle.section) ?? null;
      const content = { headline: demoArticle.headline, deck: demoArticle.deck, body: demoArticle.doc, sectionId, tags: [] as string[] };
      const bodyText = docToPlainText(demoArticle.doc);
      const bylineSnapshot = demoArticle.bylines.map((byline) => ({ membershipId: memberIds.get(byline.memberSlug)!.id, guestName: null, title: byline.title }));
      const publishedAt = new Date('2026-11-20T16:00:00Z');

      const article = await transactionFor(PLATFORM, async (tx) => {
        const created = await tx.article.create({
          data: {
            schoolId: school.id,
            slug: demoArticle.slug,
            sectionId,
            headline: content.headline,
            deck: content.deck,
            body: demoArticle.doc,
            bodyText,
            status: demoArticle.published ? 'PUBLISHED' : 'DRAFT',
            createdById: author.id,
            bylines: { create: demoArticle.bylines.map((byline, position) => ({ position, title: byline.title, membershipId: memberIds.get(byline.memberSlug)!.id })) },
          },
        });
        const revision = await tx.articleRevision.create({
          data: {
            schoolId: school.id,
            articleId: created.id,
            number: 1,
            kind: demoArticle.published ? 'PUBLISHED' : 'MANUAL',
            ...content,
            bodyText,
            bylines: bylineSnapshot,
            contentHash: contentHash(content),
            authorId: author.id,
          },
        });
        if (!demoArticle.published) return created;
        await tx.workflowEvent.createMany({
          data: [
            { schoolId: school.id, articleId: created.id, actorId: author.id, actorRole: 'REPORTER', action: 'submit', fromStatus: 'DRAFT', toStatus: 'SUBMITTED', revisionId: revision.id },
            { schoolId: school.id, articleId: created.id, actorId: adviser.id, actorRole: 'ADVISER', action: 'approve', fromStatus: 'SUBMITTED', toStatus: 'APPROVED', revisionId: revision.id },
            { schoolId: school.id, articleId: created.id, actorId: adviser.id, actorRole: 'ADVISER', action: 'publish', fromStatus: 'APPROVED', toStatus: 'PUBLISHED', revisionId: revision.id },
          ],
        });
        const published = await tx.article.update({
          where: { id: created.id },
          data: {
            publishedRevisionId: revision.id,
            approvedRevisionId: revision.id,
            approvedContentHash: revision.contentHash,
            publishedAt,
            firstPublishedAt: publishedAt,
          },
        });
        await readersSeeChange(tx, school.id, [created.id]);
        return published;
      });
      articleIds.set(demoArticle.slug, article.id);
    }

    if (demo.edition) {
      const { volume, number, issueDate, articleSlugs } = demo.edition;
      const edition = await db.edition.upsert({
        where: { schoolId_volume_number: { schoolId: school.id, volume, number } },
        update: {},
        create: { schoolId: school.id, volume, number, issueDate: new Date(issueDate), status: 'PUBLISHED', publishedAt: new Date(`${issueDate}T16:00:00Z`) },
      });
      for (const [position, slug] of articleSlugs.entries()) {
        const articleId = articleIds.get(slug)!;
        await db.editionArticle.upsert({
          where: { editionId_articleId: { editionId: edition.id, articleId } },
          update: {},
          create: { schoolId: school.id, editionId: edition.id, articleId, position },
        });
      }
    }
  }
}

// Run directly (`npm run db:seed`, `prisma db seed`), not when imported by tests or the dev script.
if (import.meta.url === `file://${process.argv[1]}`) {
  await seedDemo();
  await disconnectDb();
  console.log('Seeded the demo schools.');
}
