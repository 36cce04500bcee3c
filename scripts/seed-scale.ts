// `npm run seed:scale -- [--schools 200] [--articles 100000] [--seed 1] [--largest 5000]`: fills an empty database
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
  /** Published articles in the first school (a paper with a long archive), when the total allows. */
  largestSchool?: number;
  log?: (line: string) => void;
}

/** Everyone the scaled data creates signs in with this password. */
export const SCALE_PASSWORD = 'masthead-bench';
export const SCALE_GENERATOR_VERSION = 3;

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

// Bodies are made of pieces (paragraphs, subheads, quotations) drawn from a pool generated once per
// seed: each article combines its own choice of them, and PostgreSQL works out each piece's search
// vector once instead of once per article (to_tsvector was most of the load's time). Concatenating
// the pieces' vectors gives exactly the vector of the whole text as long as every piece ends in a
// word that is indexed (`||` shifts positions by the left side's last indexed position), so every
// piece ends in one; seedScale checks the result against the publishing formula.
interface Piece {
  id: number;
  text: string;
  node: object;
}
interface Pieces {
  paragraphs: Piece[];
  subheads: Piece[];
  quotes: Piece[];
  all: Piece[];
}
const POOL = { paragraphs: 6000, subheads: 1500, quotes: 1500 };

function makePieces(seed: number, endWords: readonly string[]): Pieces {
  const random = randomSource(seed * 7919 + 17);
  const words = (count: number) => {
    const list = Array.from({ length: count - 1 }, () => random.pick(VOCABULARY));
    list.push(random.pick(endWords));
    return capitalize(list.join(' '));
  };
  const sentence = () => `${words(random.int(8, 22))}.`;
  const all: Piece[] = [];
  const piece = (text: string, node: object) => {
    const made = { id: all.length, text, node };
    all.push(made);
    return made;
  };
  const paragraphs = Array.from({ length: POOL.paragraphs }, () => {
    const text = Array.from({ length: random.int(3, 6) }, sentence).join(' ');
    return piece(text, { type: 'paragraph', content: textNode(text) });
  });
  const subheads = Array.from({ length: POOL.subheads }, () => {
    const text = words(random.int(2, 5));
    return piece(text, { type: 'heading', attrs: { level: 2 }, content: textNode(text) });
  });
  const quotes = Array.from({ length: POOL.quotes }, () => {
    const text = `“${sentence()}”`;
    return piece(text, { type: 'blockquote', content: [{ type: 'paragraph', content: textNode(text) }] });
  });
  return { paragraphs, subheads, quotes, all };
}

const textNode = (text: string) => [{ type: 'text', text }];

/** A body of real length (roughly 450–1,000 words): paragraphs, a subhead every few, a quote; and
 * the numbers of its pieces, from which PostgreSQL writes the stored body and its plain text. */
function articleBody(random: Random, pieces: Pieces) {
  const chosen: Piece[] = [];
  const paragraphs = random.int(6, 12);
  for (let index = 0; index < paragraphs; index++) {
    if (index > 0 && index % 4 === 0) chosen.push(random.pick(pieces.subheads));
    if (index === 2) chosen.push(random.pick(pieces.quotes));
    chosen.push(random.pick(pieces.paragraphs));
  }
  return {
    doc: { type: 'doc', content: chosen.map((piece) => piece.node) },
    pieceIds: chosen.map((piece) => piece.id).join(','),
  };
}

// Ids are deterministic so reruns of one seed address the same rows (the bench picks by id).
const idOf = (...parts: (string | number)[]) => `x${createHash('sha1').update(parts.join(':')).digest('hex').slice(0, 24)}`;

type Column = [name: string, type: string];

/** One INSERT … SELECT FROM unnest(…) per batch: a round trip per few hundred rows. `computed`
 * adds columns PostgreSQL works out from the row (name → expression over `row`), which may read
 * `inputs`: values that follow the columns in each row and are not stored themselves. */
async function insertRows(client: pg.ClientBase, table: string, columns: Column[], rows: unknown[][], computed: Record<string, string> = {}, inputs: Column[] = []): Promise<void> {
  if (rows.length === 0) return;
  const given = [...columns, ...inputs];
  const arrays = given.map((_, index) => rows.map((row) => row[index]));
  const list = [...columns.map(([name]) => name), ...Object.keys(computed)].map((name) => `"${name}"`).join(', ');
  const unnest = given.map(([, type], index) => `$${index + 1}::${type}[]`).join(', ');
  const alias = given.map(([name]) => `"${name}"`).join(', ');
  const values = [...columns.map(([name]) => `row."${name}"`), ...Object.values(computed)].join(', ');
  await client.query(`INSERT INTO ${table} (${list}) SELECT ${values} FROM unnest(${unnest}) AS row(${alias})`, arrays);
}

// Stories still on the desk in every school, so the newsroom's budget and review queue have work in
// them: not published, so they do not count toward the articles asked for.
const WORKING_STATUSES = ['DRAFT', 'DRAFT', 'DRAFT', 'SUBMITTED', 'SUBMITTED', 'CHANGES_REQUESTED'] as const;

interface SchoolPlan {
  index: number;
  articles: number;
}

/** How many published articles each school gets: `largestSchool` (if the total allows ten times that)
 * to the first school, the rest spread evenly. */
function planSchools(options: ScaleOptions): SchoolPlan[] {
  const largest = options.largestSchool && options.articles >= options.largestSchool * 10 && options.schools > 1 ? options.largestSchool : 0;
  const others = largest ? options.schools - 1 : options.schools;
  const remaining = options.articles - largest;
  const perSchool = Math.floor(remaining / others);
  const extra = remaining - perSchool * others;
  return Array.from({ length: options.schools }, (_, index) => {
    if (largest && index === 0) return { index, articles: largest };
    const position = largest ? index - 1 : index;
    return { index, articles: perSchool + (position < extra ? 1 : 0) };
  });
}

async function seedSchool(client: pg.ClientBase, plan: SchoolPlan, options: ScaleOptions, pieces: Pieces, passwordHash: string, now: number): Promise<void> {
  // Each school draws from its own sequence, so schools can be written side by side and a seed still
  // writes the same newspaper every time.
  const random = randomSource(options.seed * 1_000_003 + plan.index);
  const articleCount = plan.articles;
  const schoolId = idOf('school', options.seed, plan.index);
  const slug = `school-${plan.index + 1}`;
  await client.query('BEGIN');
  await client.query(`INSERT INTO schools (id, slug, name, "newspaperName", tagline, "updatedAt") VALUES ($1, $2, $3, $4, $5, now())`, [
    schoolId,
    slug,
    `${capitalize(random.pick(VOCABULARY))} Valley High School ${plan.index + 1}`,
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
    staff.map((person) => [person.userId, person.email, person.name, passwordHash, new Date(now)]),
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
      new Date(now),
    ]),
  );

  const articleColumns: Column[] = [
    ['id', 'text'],
    ['schoolId', 'text'],
    ['sectionId', 'text'],
    ['slug', 'text'],
    ['headline', 'text'],
    ['deck', 'text'],
    ['status', '"ArticleStatus"'],
    ['approvedRevisionId', 'text'],
    ['publishedRevisionId', 'text'],
    ['approvedContentHash', 'text'],
    ['firstPublishedAt', 'timestamptz'],
    ['publishedAt', 'timestamptz'],
    ['dueAt', 'timestamptz'],
    ['createdById', 'text'],
    ['updatedAt', 'timestamptz'],
  ];
  // A body, its text and (for live articles) the search index and the members credited as publishing
  // writes them (lib/search/index-article.ts), put together inside PostgreSQL from the pieces chosen
  // (see makePieces) and the byline's members: only their numbers and ids are sent.
  const chosen = (select: string) =>
    `(SELECT ${select} FROM unnest(string_to_array(row.pieces, ',')::int[]) WITH ORDINALITY AS chosen(id, position) JOIN pg_temp.seed_pieces piece ON piece.id = chosen.id)`;
  const computed = {
    body: chosen(`jsonb_build_object('type', 'doc', 'content', jsonb_agg(piece.node ORDER BY chosen.position))`),
    bodyText: chosen(`string_agg(piece.text, E'\\n\\n' ORDER BY chosen.position)`),
    searchVector: `CASE WHEN row."publishedRevisionId" IS NULL THEN NULL ELSE setweight(to_tsvector('english', row.headline), 'A') || setweight(to_tsvector('english', row.deck), 'B') || setweight(${chosen(
      'pg_temp.tsvector_agg(piece.vector ORDER BY chosen.position)',
    )}, 'C') END`,
    publishedBylineMemberIds: `string_to_array(row."bylineMembers", ',')`,
  };
  const reporter = () => random.int(4, STAFF_PER_SCHOOL - 1);

  // Articles run back from now, about one a day, so the archive spans years.
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
      const { doc, pieceIds } = articleBody(random, pieces);
      const sectionId = sectionIds[index % sectionIds.length]!;
      const uniqueAuthors = [...new Set(random.next() < 0.2 ? [reporter(), reporter()] : [reporter()])];
      const publishedAt = new Date(now - (articleCount - index) * 86_400_000 * 0.9 - random.int(0, 3_600_000));
      const revisionId = idOf('revision', id, 1);
      const snapshot = uniqueAuthors.map((author) => ({ membershipId: staff[author]!.membershipId, guestName: null, title: 'Staff Writer' }));
      const hash = contentHash({ headline, deck, body: doc, sectionId, tags: [] });
      const author = staff[uniqueAuthors[0]!]!.membershipId;
      articles.push([
        id,
        schoolId,
        sectionId,
        `${slugify(headline)}-${index}`,
        headline,
        deck,
        'PUBLISHED',
        revisionId,
        revisionId,
        hash,
        publishedAt,
        publishedAt,
        null,
        author,
        publishedAt,
        pieceIds,
        uniqueAuthors.map((writer) => staff[writer]!.membershipId).join(','),
      ]);
      revisions.push([id, JSON.stringify(snapshot)]);
      uniqueAuthors.forEach((writer, position) => bylines.push([idOf('byline', id, position), schoolId, id, position, staff[writer]!.membershipId, 'Staff Writer']));
      events.push([idOf('event', id), schoolId, id, staff[0]!.membershipId, 'ADVISER', 'publish', 'APPROVED', 'PUBLISHED', revisionId, publishedAt]);
    }
    if (offset + BATCH >= articleCount) {
      WORKING_STATUSES.forEach((status, position) => {
        const id = idOf('working', schoolId, position);
        const headline = capitalize(Array.from({ length: random.int(5, 11) }, () => random.pick(VOCABULARY)).join(' '));
        const { pieceIds } = articleBody(random, pieces);
        const writer = reporter();
        const updatedAt = new Date(now - random.int(1, 72) * 3_600_000);
        articles.push([
          id,
          schoolId,
          sectionIds[position % sectionIds.length],
          `${slugify(headline)}-w${position}`,
          headline,
          '',
          status,
          null,
          null,
          null,
          null,
          null,
          new Date(now + (position + 1) * 86_400_000),
          staff[writer]!.membershipId,
          updatedAt,
          pieceIds,
          '',
        ]);
        bylines.push([idOf('byline', id, 0), schoolId, id, 0, staff[writer]!.membershipId, 'Staff Writer']);
      });
    }
    // Written with the session in replica mode (see seedScale), so an article may name its
    // published revision before that revision's row exists.
    await insertRows(client, 'articles', articleColumns, articles, computed, [
      ['pieces', 'text'],
      ['bylineMembers', 'text'],
    ]);
    // Each published revision is the article's content as published: copied inside PostgreSQL rather
    // than sent and parsed a second time.
    await client.query(
      `INSERT INTO article_revisions (id, "schoolId", "articleId", number, kind, headline, deck, body, "bodyText", "sectionId", bylines, "contentHash", "authorId", "updatedAt")
       SELECT a."publishedRevisionId", a."schoolId", a.id, 1, 'PUBLISHED', a.headline, a.deck, a.body, a."bodyText", a."sectionId", snapshot.bylines, a."approvedContentHash", a."createdById", a."publishedAt"
       FROM unnest($1::text[], $2::jsonb[]) AS snapshot(id, bylines) JOIN articles a ON a.id = snapshot.id AND a."schoolId" = $3`,
      [revisions.map((row) => row[0]), revisions.map((row) => row[1]), schoolId],
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
}

/** Schools written at once, each on its own connection: while PostgreSQL stores one school's batch,
 * this process generates the next. */
const LANES = 3;

// The tables that grow with the articles. Their indexes are built once the rows are in, as pg_restore
// does: one sorted build is much cheaper than a million inserts into each index (the GIN index of the
// search vectors above all).
const BULK_TABLES = ['articles', 'article_revisions', 'bylines', 'workflow_events', 'editions', 'edition_articles'];

/** Drops the bulk tables' indexes that no constraint depends on and returns their definitions. */
async function dropBulkIndexes(client: pg.ClientBase): Promise<string[]> {
  const { rows } = await client.query<{ name: string; definition: string }>(
    `SELECT quote_ident(index.relname) AS name, pg_get_indexdef(i.indexrelid) AS definition
     FROM pg_index i JOIN pg_class index ON index.oid = i.indexrelid JOIN pg_class t ON t.oid = i.indrelid
     WHERE t.relnamespace = 'public'::regnamespace AND t.relname = ANY($1) AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)`,
    [BULK_TABLES],
  );
  for (const index of rows) await client.query(`DROP INDEX ${index.name}`);
  return rows.map((index) => index.definition);
}

export async function seedScale(databaseUrl: string, options: ScaleOptions): Promise<void> {
  const log = options.log ?? ((line: string) => console.log(line));
  const passwordHash = await hashPassword(SCALE_PASSWORD);
  const started = Date.now();
  const now = started;
  const plans = planSchools(options);

  const { indexes, pieces } = await withPgClient(databaseUrl, async (client) => {
    const { rows } = await client.query<{ count: string }>('SELECT count(*) FROM schools');
    if (Number(rows[0]!.count) > 0) throw new Error('The database already has schools; seed:scale fills an empty database only.');
    const indexed = await client.query<{ word: string }>(`SELECT word FROM unnest($1::text[]) AS word WHERE to_tsvector('english', word) <> ''::tsvector`, [VOCABULARY]);
    return {
      indexes: await dropBulkIndexes(client),
      pieces: makePieces(
        options.seed,
        indexed.rows.map((row) => row.word),
      ),
    };
  });
  let next = 0;
  let done = 0;
  const every = Math.max(1, Math.floor(options.schools / 10));
  await Promise.all(
    Array.from({ length: LANES }, () =>
      withPgClient(databaseUrl, async (client) => {
        // A generated dataset is loaded as a bulk load is: foreign keys and triggers off for this
        // session (the rows are consistent by construction; this needs a superuser, as the embedded
        // database's is), and commits not waited for on disk.
        await client.query(`SET session_replication_role = replica`).catch((error: unknown) => {
          throw new Error(`seed:scale loads with foreign-key checks off, which needs a superuser: ${String(error)}`);
        });
        await client.query(`SET synchronous_commit = off`);
        await client.query(`CREATE TEMP TABLE seed_pieces (id int PRIMARY KEY, text text NOT NULL, node jsonb NOT NULL, vector tsvector NOT NULL)`);
        await client.query(`INSERT INTO pg_temp.seed_pieces SELECT id, text, node, to_tsvector('english', text) FROM unnest($1::int[], $2::text[], $3::jsonb[]) AS piece(id, text, node)`, [
          pieces.all.map((piece) => piece.id),
          pieces.all.map((piece) => piece.text),
          pieces.all.map((piece) => JSON.stringify(piece.node)),
        ]);
        await client.query(`CREATE AGGREGATE pg_temp.tsvector_agg(tsvector) (SFUNC = tsvector_concat, STYPE = tsvector, INITCOND = '')`);
        for (let plan = plans[next++]; plan; plan = plans[next++]) {
          await seedSchool(client, plan, options, pieces, passwordHash, now);
          done++;
          if (done % every === 0 || done === options.schools) log(`[seed:scale] ${done}/${options.schools} schools (${Math.round((Date.now() - started) / 1000)} s)`);
        }
      }),
    ),
  );
  log(`[seed:scale] rows in after ${Math.round((Date.now() - started) / 1000)} s; building ${indexes.length} indexes…`);
  let nextIndex = 0;
  await Promise.all(
    Array.from({ length: LANES }, () =>
      withPgClient(databaseUrl, async (client) => {
        await client.query(`SET maintenance_work_mem = '512MB'`);
        for (let definition = indexes[nextIndex++]; definition; definition = indexes[nextIndex++]) await client.query(definition);
      }),
    ),
  );
  await withPgClient(databaseUrl, async (client) => {
    // The assembled search vectors must be the ones publishing writes (lib/search/index-article.ts).
    const { rows } = await client.query<{ differ: string }>(
      `SELECT count(*) AS differ FROM (SELECT * FROM articles WHERE "publishedRevisionId" IS NOT NULL ORDER BY md5(id) LIMIT 200) a
       WHERE a."searchVector" IS DISTINCT FROM setweight(to_tsvector('english', a.headline), 'A') || setweight(to_tsvector('english', a.deck), 'B') || setweight(to_tsvector('english', a."bodyText"), 'C')`,
    );
    if (Number(rows[0]!.differ) > 0) throw new Error(`seed:scale wrote ${rows[0]!.differ} of 200 sampled search vectors unlike publishing's.`);
    const credited = await client.query<{ differ: string }>(
      `SELECT count(*) AS differ FROM (SELECT * FROM articles ORDER BY md5(id) LIMIT 200) a LEFT JOIN article_revisions r ON r.id = a."publishedRevisionId"
       WHERE (SELECT array_agg(id ORDER BY id) FROM unnest(a."publishedBylineMemberIds") id) IS DISTINCT FROM (SELECT array_agg(id ORDER BY id) FROM unnest(byline_member_ids(r.bylines)) id)`,
    );
    if (Number(credited.rows[0]!.differ) > 0) throw new Error(`seed:scale credited members unlike publishing on ${credited.rows[0]!.differ} of 200 sampled articles.`);
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
  const options = {
    schools: numberOption('schools', 200),
    articles: numberOption('articles', 100_000),
    seed: numberOption('seed', 1),
    largestSchool: process.argv.includes('--largest') ? numberOption('largest', 5000) : undefined,
  };
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
