import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { importArticle } from '../../lib/articles/import.ts';
import { platformDb as db } from '../../lib/db.ts';
import { seedDemo } from '../../prisma/seed.ts';
import { projectRoot } from '../../scripts/lib/database';
import { seededActors } from '../factories.ts';

let people: Awaited<ReturnType<typeof seededActors>>;

beforeAll(async () => {
  await seedDemo();
  people = await seededActors();
});

describe('importing a file as a new article', () => {
  it('the fixture text becomes a draft with three subheads and its byline matched to the staff member', async () => {
    const bytes = readFileSync(path.join(projectRoot, 'prisma/fixtures/seed-article.txt'));
    const imported = await importArticle(people.jordan, { bytes, filename: 'seed-article.txt' });
    if (!imported.ok) throw new Error(imported.error);
    const article = await db.article.findUniqueOrThrow({ where: { id: imported.data.id }, include: { bylines: true, revisions: true } });
    const subheads = (article.body as { content: { type: string; content?: { text: string }[] }[] }).content.filter((node) => node.type === 'heading').map((node) => node.content![0]!.text);
    expect(subheads).toEqual(['Strategic Risks and Global Repercussions', 'China’s Dilemma', 'A Shifting Power Landscape']);
    expect(article.bylines).toMatchObject([{ membershipId: people.andrew.membershipId, guestName: null, title: 'Student Reporter' }]);
    expect(article.revisions).toMatchObject([{ kind: 'IMPORT', number: 1 }]);
    expect(article.bodyText).not.toContain('Student Reporter');
  });

  it('a byline naming nobody on staff becomes a guest byline', async () => {
    const text = 'The game went to overtime and the crowd stayed.\n<Student Reporter Casey Nguyen>casey@example.edu\n';
    const imported = await importArticle(people.jordan, { bytes: Buffer.from(text), filename: 'game.txt' });
    if (!imported.ok) throw new Error(imported.error);
    expect(await db.byline.findMany({ where: { articleId: imported.data.id }, select: { membershipId: true, guestName: true } })).toEqual([{ membershipId: null, guestName: 'Casey Nguyen' }]);
  });

  it('files that are not .docx or text are refused with a clear message', async () => {
    const cases: [Buffer, string, number][] = [
      [Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x00, 0x01]), 'story.pdf', 415],
      [Buffer.from('PK\u0003\u0004 not really a zip'), 'story.docx', 422],
      [Buffer.from(''), 'empty.txt', 422],
      [Buffer.from([0xff, 0xfe, 0x00, 0x41]), 'story.txt', 415],
    ];
    for (const [bytes, filename, status] of cases) {
      const result = await importArticle(people.jordan, { bytes, filename });
      expect(result, filename).toMatchObject({ ok: false, status, fieldErrors: { file: expect.any(String) } });
    }
  });
});
