// A page's reads in one read-only transaction: scoped to its school like every other read, and
// unable to write.
import { beforeAll, describe, expect, it } from 'vitest';
import { db, readsFor } from '../../lib/db.ts';
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
