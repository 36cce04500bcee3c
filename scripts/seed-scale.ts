// `npm run seed:scale -- [--schools 200] [--articles 100000] [--seed 1]`: fills an empty database
// with a deployment of real size — schools with sections, staff, years of published articles with
// bodies of real length, their revisions, bylines and issues — repeatably: the same seed gives the
// same rows. Uses DATABASE_URL, or the embedded PostgreSQL in .data/scale.
import { createHash } from 'node:crypto';
import path from 'node:path';
import type pg from 'pg';
import { hashPassword } from '../lib/auth/password.ts';
import { contentHash } from '../lib/articles/content-hash.ts';
import { slugify } from '../lib/articles/slugs.ts';
import { projectRoot, startEmbeddedDatabase, withPgClient } from './lib/database.ts';
import { applyMigrations } from './lib/prisma-cli.ts';

export interface ScaleOptions {
  schools: number;
  articles: number;
  seed: number;
  log?: (line: string) => void;
}

/** Everyone the scaled data creates signs in with this password. */
export const SCALE_PASSWORD = 'masthead-bench';
export const SCALE_GENERATOR_VERSION = 2;

const SECTIONS = ['News', 'Opinion', 'Features', 'Sports', 'Arts & Entertainment'];
const STAFF_PER_SCHOOL = 24;
const ARTICLES_PER_ISSUE = 10;
const BATCH = 200;

const VOCABULARY = (
  'the a of and to in students school teachers board district campus year class team game season club council ' +
  'principal budget library parking lunch schedule exam finals project science robotics debate theater band choir ' +
  'orchestra art gallery exhibit election candidate vote survey policy dress code phones attendance counselors ' +
  'college applications scholarship senior junior sophomore freshman graduation prom homecoming rally assembly ' +
  'basketball football soccer volleyball swim track tennis baseball softball wrestling coach playoffs championship ' +
  'league record win loss tournament practice field gym pool renovation construction bond measure vote funding ' +
  'cafeteria menu vegetarian recycling garden climate energy solar bus route traffic crosswalk safety drill ' +
  'community volunteers fundraiser donation charity food drive blood drive festival cultural heritage month ' +
  'speaker alumni interview survey results percent majority minority response online petition meeting minutes ' +
  'agenda proposal approved rejected delayed announced expected reported according said explained added noted ' +
  'believes hopes plans wants argued pointed week month semester quarter friday monday tuesday wednesday thursday ' +
  'morning afternoon evening night new old first last next many several few more most important local state ' +
  'national annual weekly students said that this with for on at by from about after before during while because ' +
  'although however also still just even only very really quite again together across around between through ' +
  'newspaper editor reporter story photo column review film album concert play musical performance audience ' +
  'tickets sold crowd cheered fans hallway classroom lab kitchen workshop mural painting sculpture poetry novel'
).split(' ');

// Small, fast and seedable (mulberry32): the same seed writes the same newspaper every time.
function randomSource(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)]!;
  return { next, int, pick };
}
type Random = ReturnType<typeof randomSource>;

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function sentence(random: Random): string {
  const words = Array.from({ length: random.int(8, 22) }, () => random.pick(VOCABULARY));
  return capitalize(words.join(' ')) + '.';
}

function paragraphText(random: Random): string {
  return Array.from({ length: random.int(3, 6) }, () => sentence(random)).join(' ');
}

const textNode = (text: string) => [{ type: 'text', text }];

/** A body of real length (roughly 450–1,000 words): paragraphs, a subhead every few, a quote. */
function articleBody(random: Random) {
  const content: object[] = [];
  const paragraphs = random.int(6, 12);
  for (let index = 0; index < paragraphs; index++) {
    if (index > 0 && index % 4 === 0)
      content.push({ type: 'heading', attrs: { level: 2 }, content: textNode(capitalize(Array.from({ length: random.int(2, 5) }, () => random.pick(VOCABULARY)).join(' '))) });
    if (index === 2) content.push({ type: 'blockquote', content: [{ type: 'paragraph', content: textNode(`“${sentence(random)}”`) }] });
    content.push({ type: 'paragraph', content: textNode(paragraphText(random)) });
  }
  const doc = { type: 'doc', content };
  const text = content
    .map((node) =>
      JSON.stringify(node)
        .match(/"text":"((?:[^"\\]|\\.)*)"/g)!
        .map((match) => JSON.parse(match.slice(7)))
        .join(' '),
    )
    .join('\n\n');
  return { doc, text };
}

// Ids are deterministic so reruns of one seed address the same rows (the bench picks by id).
const idOf = (...parts: (string | number)[]) => `x${createHash('sha1').update(parts.join(':')).digest('hex').slice(0, 24)}`;

type Column = [name: string, type: string];

/** One INSERT … SELECT FROM unnest(…) per batch: a round trip per few hundred rows. */
async function insertRows(client: pg.ClientBase, table: string, columns: Column[], rows: unknown[][]): Promise<void> {
  if (rows.length === 0) return;
  const arrays = columns.map((_, index) => rows.map((row) => row[index]));
  const list = columns.map(([name]) => `"${name}"`).join(', ');
  const unnest = columns.map(([, type], index) => `$${index + 1}::${type}[]`).join(', ');
  await client.query(`INSERT INTO ${table} (${list}) SELECT * FROM unnest(${unnest})`, arrays);
}

export async function seedScale(databaseUrl: string, options: ScaleOptions): Promise<void> {
  const log = options.log ?? ((line: string) => console.log(line));
  const random = randomSource(options.seed);
  const passwordHash = await hashPassword(SCALE_PASSWORD);
  const perSchool = Math.floor(options.articles / options.schools);
  const extra = options.articles - perSchool * options.schools;
  const started = Date.now();

  await withPgClient(databaseUrl, async (client) => {
    const { rows } = await client.query<{ count: string }>('SELECT count(*) FROM schools');
    if (Number(rows[0]!.count) > 0) throw new Error('The database already has schools; seed:scale fills an empty database only.');

    for (let schoolIndex = 0; schoolIndex < options.schools; schoolIndex++) {
      const articleCount = perSchool + (schoolIndex < extra ? 1 : 0);
      const schoolId = idOf('school', options.seed, schoolIndex);
      const slug = `school-${schoolIndex + 1}`;
      await client.query('BEGIN');
      await client.query(`INSERT INTO schools (id, slug, name, "newspaperName", tagline, "updatedAt") VALUES ($1, $2, $3, $4, $5, now())`, [
        schoolId,
        slug,
        `${capitalize(random.pick(VOCABULARY))} Valley High School ${schoolIndex + 1}`,
        `The ${capitalize(random.pick(VOCABULARY))} Times`,
        'Student news since 1962',
      ]);
      const sectionIds = SECTIONS.map((_, index) => idOf('section', schoolId, index));
      await insertRows(
        client,
        'sections',
        [
          ['id', 'text'],
          ['schoolId', 'text'],
          ['name', 'text'],
          ['slug', 'text'],
          ['position', 'int'],
        ],
        SECTIONS.map((name, index) => [sectionIds[index], schoolId, name, slugify(name), index]),
      );

      const staff = Array.from({ length: STAFF_PER_SCHOOL }, (_, index) => {
        const first = capitalize(random.pick(VOCABULARY));
        const last = capitalize(random.pick(VOCABULARY));
        const role = index === 0 ? 'ADVISER' : index < 4 ? 'EDITOR' : 'REPORTER';
        return {
          userId: idOf('user', schoolId, index),
          membershipId: idOf('member', schoolId, index),
          name: `${first} ${last}`,
          email: `${slug}-${index}@bench.masthead.test`,
          role,
          slug: `${slugify(`${first}-${last}`)}-${index}`,
        };
      });
      await insertRows(
        client,
        'users',
        [
          ['id', 'text'],
          ['email', 'text'],
          ['name', 'text'],
          ['passwordHash', 'text'],
          ['updatedAt', 'timestamptz'],
        ],
        staff.map((person) => [person.userId, person.email, person.name, passwordHash, new Date()]),
      );
      await insertRows(
        client,
        'memberships',
        [
          ['id', 'text'],
          ['schoolId', 'text'],
          ['userId', 'text'],
          ['role', '"Role"'],
          ['slug', 'text'],
          ['displayName', 'text'],
          ['staffTitle', 'text'],
          ['classYear', 'text'],
          ['bio', 'text'],
          ['updatedAt', 'timestamptz'],
        ],
        staff.map((person, index) => [
          person.membershipId,
          schoolId,
          person.userId,
          person.role,
          person.slug,
          person.name,
          index === 0 ? 'Adviser' : index < 4 ? 'Editor' : 'Staff Writer',
          index === 0 ? null : random.pick(['Freshman', 'Sophomore', 'Junior', 'Senior']),
          index === 0 ? null : `${person.name} writes about ${random.pick(VOCABULARY)} and ${random.pick(VOCABULARY)}.`,
          new Date(),
        ]),
      );

      // Articles run back from now, about one a day, so the archive spans years.
      const now = Date.now();
      const articleIds: string[] = [];
      for (let offset = 0; offset < articleCount; offset += BATCH) {
        const articles: unknown[][] = [];
        const revisions: unknown[][] = [];
        const bylines: unknown[][] = [];
        const events: unknown[][] = [];
        for (let index = offset; index < Math.min(articleCount, offset + BATCH); index++) {
          const id = idOf('article', schoolId, index);
          articleIds.push(id);
          const headline = capitalize(Array.from({ length: random.int(5, 11) }, () => random.pick(VOCABULARY)).join(' '));
          const deck = capitalize(Array.from({ length: random.int(8, 16) }, () => random.pick(VOCABULARY)).join(' ')) + '.';
          const { doc, text } = articleBody(random);
          const sectionId = sectionIds[index % sectionIds.length]!;
          const authors = random.next() < 0.2 ? [random.int(4, STAFF_PER_SCHOOL - 1), random.int(4, STAFF_PER_SCHOOL - 1)] : [random.int(4, STAFF_PER_SCHOOL - 1)];
          const uniqueAuthors = [...new Set(authors)];
          const publishedAt = new Date(now - (articleCount - index) * 86_400_000 * 0.9 - random.int(0, 3_600_000));
          const revisionId = idOf('revision', id, 1);
          const snapshot = uniqueAuthors.map((author) => ({ membershipId: staff[author]!.membershipId, guestName: null, title: 'Staff Writer' }));
          const hash = contentHash({ headline, deck, body: doc, sectionId, tags: [] });
          articles.push([
            id,
            schoolId,
            sectionId,
            `${slugify(headline)}-${index}`,
            headline,
            deck,
            JSON.stringify(doc),
            text,
            'PUBLISHED',
            revisionId,
            hash,
            publishedAt,
            publishedAt,
            staff[uniqueAuthors[0]!]!.membershipId,
            publishedAt,
          ]);
          revisions.push([
            revisionId,
            schoolId,
            id,
            1,
            'PUBLISHED',
            headline,
            deck,
            JSON.stringify(doc),
            text,
            sectionId,
            JSON.stringify(snapshot),
            hash,
            staff[uniqueAuthors[0]!]!.membershipId,
            publishedAt,
          ]);
          uniqueAuthors.forEach((author, position) => bylines.push([idOf('byline', id, position), schoolId, id, position, staff[author]!.membershipId, 'Staff Writer']));
          events.push([idOf('event', id), schoolId, id, staff[0]!.membershipId, 'ADVISER', 'publish', 'APPROVED', 'PUBLISHED', revisionId, publishedAt]);
        }
        await insertRows(
          client,
          'articles',
          [
            ['id', 'text'],
            ['schoolId', 'text'],
            ['sectionId', 'text'],
            ['slug', 'text'],
            ['headline', 'text'],
            ['deck', 'text'],
            ['body', 'jsonb'],
            ['bodyText', 'text'],
            ['status', '"ArticleStatus"'],
            ['approvedRevisionId', 'text'],
            ['approvedContentHash', 'text'],
            ['firstPublishedAt', 'timestamptz'],
            ['publishedAt', 'timestamptz'],
            ['createdById', 'text'],
            ['updatedAt', 'timestamptz'],
          ],
          articles,
        );
        await insertRows(
          client,
          'article_revisions',
          [
            ['id', 'text'],
            ['schoolId', 'text'],
            ['articleId', 'text'],
            ['number', 'int'],
            ['kind', '"RevisionKind"'],
            ['headline', 'text'],
            ['deck', 'text'],
            ['body', 'jsonb'],
            ['bodyText', 'text'],
            ['sectionId', 'text'],
            ['bylines', 'jsonb'],
            ['contentHash', 'text'],
            ['authorId', 'text'],
            ['updatedAt', 'timestamptz'],
          ],
          revisions,
        );
        await insertRows(
          client,
          'bylines',
          [
            ['id', 'text'],
            ['schoolId', 'text'],
            ['articleId', 'text'],
            ['position', 'int'],
            ['membershipId', 'text'],
            ['title', 'text'],
          ],
          bylines,
        );
        await insertRows(
          client,
          'workflow_events',
          [
            ['id', 'text'],
            ['schoolId', 'text'],
            ['articleId', 'text'],
            ['actorId', 'text'],
            ['actorRole', '"Role"'],
            ['action', 'text'],
            ['fromStatus', '"ArticleStatus"'],
            ['toStatus', '"ArticleStatus"'],
            ['revisionId', 'text'],
            ['createdAt', 'timestamptz'],
          ],
          events,
        );
        // Live only once its revision exists; the search index is written as publishing writes it.
        await client.query(
          `UPDATE articles a SET "publishedRevisionId" = r.id,
             "searchVector" = setweight(to_tsvector('english', r.headline), 'A') || setweight(to_tsvector('english', r.deck), 'B') || setweight(to_tsvector('english', r."bodyText"), 'C')
           FROM article_revisions r WHERE r."articleId" = a.id AND a."schoolId" = $1 AND a.id = ANY($2::text[])`,
          [schoolId, articles.map((row) => row[0])],
        );
      }

      // Issues: the oldest articles first, ten to an issue, eight issues to a volume.
      const editions: unknown[][] = [];
      const items: unknown[][] = [];
      for (let start = 0, issue = 0; start + ARTICLES_PER_ISSUE <= articleIds.length; start += ARTICLES_PER_ISSUE, issue++) {
        const editionId = idOf('edition', schoolId, issue);
        const date = new Date(now - (articleCount - start - ARTICLES_PER_ISSUE) * 86_400_000 * 0.9);
        editions.push([editionId, schoolId, Math.floor(issue / 8) + 1, (issue % 8) + 1, date.toISOString().slice(0, 10), 'PUBLISHED', date, date]);
        for (let position = 0; position < ARTICLES_PER_ISSUE; position++) items.push([idOf('item', editionId, position), schoolId, editionId, articleIds[start + position], position]);
      }
      await insertRows(
        client,
        'editions',
        [
          ['id', 'text'],
          ['schoolId', 'text'],
          ['volume', 'int'],
          ['number', 'int'],
          ['issueDate', 'date'],
          ['status', '"EditionStatus"'],
          ['publishedAt', 'timestamptz'],
          ['updatedAt', 'timestamptz'],
        ],
        editions,
      );
      await insertRows(
        client,
        'edition_articles',
        [
          ['id', 'text'],
          ['schoolId', 'text'],
          ['editionId', 'text'],
          ['articleId', 'text'],
          ['position', 'int'],
        ],
        items,
      );
      await client.query('COMMIT');
      if ((schoolIndex + 1) % Math.max(1, Math.floor(options.schools / 10)) === 0 || schoolIndex + 1 === options.schools) {
        log(`[seed:scale] ${schoolIndex + 1}/${options.schools} schools (${Math.round((Date.now() - started) / 1000)} s)`);
      }
    }
    await client.query('VACUUM ANALYZE');
  });
  log(`[seed:scale] ${options.schools} schools, ${options.articles} articles in ${Math.round((Date.now() - started) / 1000)} s`);
}

function numberOption(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  if (index === -1) return fallback;
  const value = Number(process.argv[index + 1]);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} needs a positive whole number`);
  return value;
}

async function main(): Promise<void> {
  const options = { schools: numberOption('schools', 200), articles: numberOption('articles', 100_000), seed: numberOption('seed', 1) };
  const database = process.env.DATABASE_URL
    ? { url: process.env.DATABASE_URL, stop: async () => {} }
    : await startEmbeddedDatabase({ dataDir: path.join(projectRoot, '.data/scale'), port: Number(process.env.MASTHEAD_PG_PORT ?? 54391), database: 'masthead_scale' });
  try {
    await applyMigrations(database.url, { quiet: true });
    await seedScale(database.url, options);
  } finally {
    await database.stop();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
