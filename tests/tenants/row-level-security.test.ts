import { beforeAll, describe, expect, it } from 'vitest';
import { db, dbFor, PLATFORM, platformDb, transactionFor } from '../../lib/db.ts';
import { withPgClient } from '../../scripts/lib/database.ts';
import { seedDemo } from '../../prisma/seed.ts';
import { findSchoolBySlug } from '../../lib/tenants/schools.ts';
import { schoolBySlug } from '../factories.ts';

// PostgreSQL itself keeps schools apart, beneath the app's own `where: { schoolId }`: these
// statements deliberately leave the school filter out, or name another school's rows, and the
// database still answers for one school only.
let canyon: string;
let lincoln: string;

beforeAll(async () => {
  await seedDemo();
  canyon = (await schoolBySlug('canyon-crest'))!.id;
  lincoln = (await schoolBySlug('lincoln-high'))!.id;
});

const countArticles = async (client: { $queryRaw: typeof db.$queryRaw }) => Number((await client.$queryRaw<{ count: bigint }[]>`SELECT count(*) FROM articles`)[0]!.count);

describe('row-level security', () => {
  it('the app works as a role that row-level security applies to, even when it connects as a superuser', async () => {
    const [who] = await db.$queryRaw<{ user: string; superuser: boolean; bypass: boolean }[]>`
      SELECT current_user AS user, r.rolsuper AS superuser, r.rolbypassrls AS bypass FROM pg_roles r WHERE r.rolname = current_user`;
    expect(who).toEqual({ user: 'masthead_app', superuser: false, bypass: false });
    const forced = await withPgClient(process.env.DATABASE_URL!, (client) =>
      client.query<{ relname: string }>(`SELECT relname FROM pg_class WHERE relname = ANY($1) AND relrowsecurity AND relforcerowsecurity`, [
        ['articles', 'memberships', 'article_revisions', 'comments', 'media', 'invitations'],
      ]),
    );
    expect(forced.rows.map((row) => row.relname).sort()).toEqual(['article_revisions', 'articles', 'comments', 'invitations', 'media', 'memberships']);
    // And every table with a school column, including any added later, is held to the policy.
    const unguarded = await withPgClient(process.env.DATABASE_URL!, (client) =>
      client.query<{ table: string }>(`
        SELECT c.relname AS table FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'schoolId' AND NOT a.attisdropped
        JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
        WHERE c.relkind = 'r' AND NOT (c.relrowsecurity AND c.relforcerowsecurity AND EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid))`),
    );
    expect(unguarded.rows).toEqual([]);
  });

  it('every tenant table has the one policy, which reads the school once per statement rather than once per row', async () => {
    const policies = await withPgClient(process.env.DATABASE_URL!, (client) =>
      client.query<{ tablename: string; qual: string; with_check: string }>(`SELECT tablename, qual, with_check FROM pg_policies WHERE schemaname = 'public' ORDER BY tablename`),
    );
    const [first] = policies.rows;
    expect(policies.rows.length).toBeGreaterThan(25);
    // A sub-select is evaluated once for the statement (an InitPlan); a function call or a bare
    // current_setting() in the policy would be evaluated for every row scanned.
    expect(first!.qual).toBe(
      `(("schoolId" = ( SELECT current_setting('masthead.tenant'::text, true) AS current_setting)) OR (( SELECT current_setting('masthead.tenant'::text, true) AS current_setting) = 'platform'::text))`,
    );
    expect(policies.rows.filter((policy) => policy.qual !== first!.qual || policy.with_check !== first!.qual)).toEqual([]);
  });

  it('looking a school up by its address brings its public sections (read across schools, by slug)', async () => {
    const school = await findSchoolBySlug('canyon-crest');
    expect(school!.sections.map((section) => section.slug)).toEqual(['news', 'opinion', 'world', 'sports']);
  });

  it('a statement without a school context sees no tenant rows at all', async () => {
    expect(await countArticles(platformDb)).toBeGreaterThan(2);
    expect(await countArticles(db)).toBe(0);
    expect(await db.membership.count()).toBe(0);
    expect(await db.article.findMany({ where: { schoolId: canyon } })).toEqual([]);
  });

  it("one school's context sees and changes only that school's rows, whatever the statement asks for", async () => {
    const all = await platformDb.article.findMany({ select: { id: true, schoolId: true } });
    const lincolnArticle = all.find((article) => article.schoolId === lincoln)!;
    const canyonCount = all.filter((article) => article.schoolId === canyon).length;

    expect(await countArticles(dbFor(canyon))).toBe(canyonCount);
    expect(await dbFor(canyon).article.findUnique({ where: { id: lincolnArticle.id } })).toBeNull();
    expect((await dbFor(canyon).article.updateMany({ where: { id: lincolnArticle.id }, data: { headline: 'Taken over' } })).count).toBe(0);
    expect(await dbFor(canyon).$executeRaw`DELETE FROM comments WHERE "schoolId" = ${lincoln}`).toBe(0);
    expect((await platformDb.article.findUniqueOrThrow({ where: { id: lincolnArticle.id } })).headline).not.toBe('Taken over');
  });

  it("a row written into another school's space is refused by the database", async () => {
    const section = await platformDb.section.findFirstOrThrow({ where: { schoolId: lincoln } });
    await expect(dbFor(canyon).section.create({ data: { schoolId: lincoln, name: 'Planted', slug: 'planted' } })).rejects.toThrow(/row-level security|violates/i);
    await expect(transactionFor(canyon, (tx) => tx.section.update({ where: { id: section.id }, data: { name: 'Renamed' } }))).rejects.toThrow();
    expect((await platformDb.section.findUniqueOrThrow({ where: { id: section.id } })).name).toBe(section.name);
  });

  it("a transaction's school ends with it: the pooled connection keeps nothing for the next statement", async () => {
    for (let round = 0; round < 20; round++) {
      expect(await transactionFor(canyon, (tx) => countArticles(tx))).toBeGreaterThan(0);
      expect(await countArticles(db)).toBe(0);
    }
    expect(await transactionFor(PLATFORM, (tx) => countArticles(tx))).toBe(await countArticles(platformDb));
  });
});
