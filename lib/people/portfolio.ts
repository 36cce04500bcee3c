// A student's portfolio: every story of theirs the paper published, as one self-contained HTML
// file to keep (and print to PDF) — for college applications, and after graduation, which is why
// alumni may download it too.
import { viewsByStory } from '../audience/numbers.ts';
import { renderArticleHtml } from '../content/render.ts';
import { escapeMarkup } from '../content/escape.ts';
import { transactionFor } from '../db.ts';
import { missing, ok, type Result } from '../result.ts';
import { findSchoolBySlug } from '../tenants/schools.ts';
import { schoolUrl } from '../tenants/urls.ts';
import { dateFormat } from '../dates.ts';

export interface Portfolio {
  fileName: string;
  html: string;
  articles: number;
}

export async function buildPortfolio(userId: string, schoolSlug: string): Promise<Result<Portfolio>> {
  const school = await findSchoolBySlug(schoolSlug);
  if (!school) return missing('page');
  return transactionFor(school.id, async (tx) => {
    const member = await tx.membership.findUnique({ where: { schoolId_userId: { schoolId: school.id, userId } }, select: { id: true, slug: true, displayName: true, status: true, staffTitle: true } });
    if (!member || member.status === 'DEACTIVATED') return missing('page');
    const articles = await tx.article.findMany({
      where: { schoolId: school.id, publishedRevisionId: { not: null }, publishedBylineMemberIds: { has: member.id } },
      orderBy: [{ firstPublishedAt: 'asc' }, { id: 'asc' }],
      select: { id: true, slug: true, firstPublishedAt: true, publishedAt: true, section: { select: { name: true } }, publishedRevision: { select: { headline: true, deck: true, body: true } } },
    });
    const views = await viewsByStory(
      tx,
      school.id,
      articles.map((article) => article.id),
    );
    const date = dateFormat({ dateStyle: 'long', timeZone: school.timeZone });
    const stories = articles.map((article) => {
      const revision = article.publishedRevision!;
      const published = article.firstPublishedAt ?? article.publishedAt!;
      return `<article>
<p class="meta">${escapeMarkup(article.section?.name ?? school.newspaperName)} · ${escapeMarkup(date.format(published))} · <a href="${escapeMarkup(schoolUrl(school, `/articles/${article.slug}`))}">${escapeMarkup(schoolUrl(school, `/articles/${article.slug}`))}</a> · ${readCount(views.get(article.id) ?? 0)}</p>
<h2>${escapeMarkup(revision.headline)}</h2>
${revision.deck ? `<p class="deck">${escapeMarkup(revision.deck)}</p>` : ''}
${renderArticleHtml(revision.body)}
</article>`;
    });
    const title = `${member.displayName} — ${school.newspaperName}`;
    const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeMarkup(title)}</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src https: data:; style-src 'unsafe-inline'">
<style>body{font-family:Georgia,serif;max-width:42rem;margin:2rem auto;padding:0 1rem;line-height:1.6;color:#111}h1{font-size:2rem}article{border-top:1px solid #ccc;margin-top:2rem;padding-top:1rem;break-inside:avoid-page}.meta{font:0.85rem sans-serif;color:#555}.deck{font-size:1.15rem;color:#333}img{max-width:100%}</style>
</head><body>
<h1>${escapeMarkup(member.displayName)}</h1>
<p>${escapeMarkup(member.staffTitle ?? 'Staff')}, ${escapeMarkup(school.newspaperName)}, ${escapeMarkup(school.name)}. ${articles.length} published ${articles.length === 1 ? 'story' : 'stories'}.</p>
${stories.join('\n')}
</body></html>
`;
    return ok({ fileName: `portfolio-${member.slug}-${school.slug}.html`, html, articles: articles.length });
  });
}

/** "Read 1,204 times": the story's views as the paper counted them (lib/audience). */
function readCount(views: number): string {
  return views === 1 ? 'read once' : `read ${views.toLocaleString('en-US')} times`;
}
