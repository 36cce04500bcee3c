// A page's reads in one read-only transaction, and a raw read on a connection taken directly:
// scoped to its school like every other read, and unable to write.
import { beforeAll, describe, expect, it } from 'vitest';
import { Prisma, db, getDb, rawReadFor, readsFor } from '../../lib/db.ts';
import { seedDemo } from '../../prisma/seed.ts';

let canyon: string;
let lincoln: string;

beforeAll(async () => {
  await seedDemo();
  canyon = (await db.school.findUniqueOrThrow({ where: { slug: 'canyon-crest' } })).id;
  lincoln = (await db.school.findUniqueOrThrow({ where: { slug: 'lincoln-high' } })).id;
});

describe('readsFor', () => {
  it("sees its own school's rows through one transaction, and none of another school's", async () => {
    const seen = await readsFor(canyon, async (tx) => {
      const sections = await tx.section.findMany({ select: { schoolId: true } });
      const [first] = await tx.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`;
      const articles = await tx.article.count();
      const [second] = await tx.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`;
      return { sections, articles, sameConnection: first !== undefined && first.pid === second?.pid };
    });
    expect(seen.sections.length).toBeGreaterThan(0);
    expect(new Set(seen.sections.map((section) => section.schoolId))).toEqual(new Set([canyon]));
    expect(seen.articles).toBeGreaterThan(0);
    expect(seen.sameConnection).toBe(true);
    const fromLincoln = await readsFor(lincoln, (tx) => tx.section.findMany({ where: { schoolId: canyon } }));
    expect(fromLincoln).toEqual([]);
  });

  it('refuses a write made inside it, and the write does not happen', async () => {
    await expect(readsFor(canyon, (tx) => tx.section.updateMany({ data: { name: 'Renamed by a read' } }))).rejects.toThrow(/read-only/);
    const names = await readsFor(canyon, (tx) => tx.section.findMany({ select: { name: true } }));
    expect(names.map((section) => section.name)).not.toContain('Renamed by a read');
  });
});

describe('rawReadFor', () => {
  it("reads its own school's rows only, with timestamps as Prisma reads them, and cannot write", async () => {
    // In a zone other than UTC, where reading the timestamps as local time would move them.
    const zone = process.env.TZ;
    process.env.TZ = 'America/Los_Angeles';
    const rows = await rawReadFor<{ schoolId: string; publishedAt: Date | null }>(canyon, Prisma.sql`SELECT "schoolId", "publishedAt" FROM articles ORDER BY "publishedAt" DESC NULLS LAST`).finally(
      () => {
        if (zone === undefined) delete process.env.TZ;
        else process.env.TZ = zone;
      },
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((row) => row.schoolId))).toEqual(new Set([canyon]));
    // The same instants Prisma reads (timestamps without a time zone hold UTC), whatever the server's zone.
    const published = await db.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT set_config('masthead.tenant', ${canyon}, true)`;
      return tx.article.findMany({ select: { publishedAt: true }, orderBy: { publishedAt: { sort: 'desc', nulls: 'last' } } });
    });
    expect(rows.map((row) => row.publishedAt?.toISOString() ?? null)).toEqual(published.map((row) => row.publishedAt?.toISOString() ?? null));
    expect(await rawReadFor(lincoln, Prisma.sql`SELECT id FROM articles WHERE "schoolId" = ${canyon}`)).toEqual([]);
    await expect(rawReadFor(canyon, Prisma.sql`UPDATE sections SET name = 'Renamed by a read'`)).rejects.toThrow(/read-only/);
    expect((await rawReadFor<{ name: string }>(canyon, Prisma.sql`SELECT name FROM sections`)).map((section) => section.name)).not.toContain('Renamed by a read');
  });

  it('hands no connection on inside a failed transaction: the next reads of the pool see their own school', async () => {
    await expect(rawReadFor(canyon, Prisma.sql`SELECT 1 / 0`)).rejects.toThrow(/division by zero/);
    const settings = await Promise.all(Array.from({ length: 20 }, () => getDb().$queryRaw<{ tenant: string | null }[]>`SELECT current_setting('masthead.tenant', true) AS tenant`));
    expect(settings.flat().filter((setting) => setting.tenant)).toEqual([]);
  });
});
