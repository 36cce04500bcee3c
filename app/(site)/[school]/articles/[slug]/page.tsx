import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ArticleBody } from '@/components/article/ArticleBody';
import { ArticleSummaryList } from '@/components/article/ArticleSummaryList';
import { BylineBlock } from '@/components/article/BylineBlock';
import { CorrectionNotes } from '@/components/article/CorrectionNotes';
import { EditorsNote } from '@/components/article/EditorsNote';
import { LiveCoverage } from '@/components/article/LiveCoverage';
import { PhotoFigure } from '@/components/article/PhotoFigure';
import { ReaderComments } from '@/components/article/ReaderComments';
import { commentsOpen } from '@/lib/reader-comments/comments';
import { summaryOf } from '@/lib/articles/feeds';
import { getPublishedArticle, listPublishedArticles } from '@/lib/articles/public';
import { featuredImageUrl } from '@/lib/articles/featured-image';
import { getSchoolBySlug } from '@/lib/tenants';
import { schoolUrl } from '@/lib/tenants/urls';
import { editionLabel } from '@/lib/editions/label';
import { dateFormat } from '@/lib/dates';
import { isLiveNow } from '@/lib/live-coverage/rules';
import { FULL_BLEED_FORMS, storyFormOf } from '@/lib/content/story-forms';

type Params = { params: Promise<{ school: string; slug: string }> };

async function load(params: Params['params']) {
  const { school: schoolSlug, slug } = await params;
  const school = await getSchoolBySlug(schoolSlug);
  if (!school) return null;
  const article = await getPublishedArticle(school, slug);
  return article ? { school, article } : null;
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const found = await load(params);
  if (!found) return {};
  const { school, article } = found;
  const url = schoolUrl(school, `/articles/${article.slug}`);
  const description = article.revision.deck || summaryOf(article.revision.bodyText, 160);
  const image = article.image ? { url: featuredImageUrl(school, article.image), width: article.image.width, height: article.image.height, alt: article.image.alt } : null;
  return {
    title: `${article.revision.headline} — ${school.newspaperName}`,
    description,
    alternates: { canonical: url },
    openGraph: {
      type: 'article',
      url,
      title: article.revision.headline,
      description,
      siteName: school.newspaperName,
      publishedTime: (article.firstPublishedAt ?? article.publishedAt)?.toISOString(),
      modifiedTime: article.publishedAt?.toISOString(),
      section: article.section?.name,
      authors: article.bylines.map((byline) => byline.name),
      images: image ? [image] : undefined,
    },
    // A link shared in a chat or a post shows the photo large when the story has one.
    twitter: { card: image ? 'summary_large_image' : 'summary', title: article.revision.headline, description, images: image ? [image] : undefined },
  };
}

export default async function ArticlePage({ params }: Params) {
  const found = await load(params);
  if (!found) notFound();
  const { school, article } = found;
  const related = await listPublishedArticles(school, { sectionId: article.sectionId ?? undefined, excludeIds: [article.id], take: 3 });
  const when = dateFormat({ dateStyle: 'long', timeZone: school.timeZone });
  const published = article.firstPublishedAt ?? article.publishedAt!;
  const updated = article.publishedAt && article.publishedAt.getTime() - published.getTime() > 60_000 ? article.publishedAt : null;
  const edition = article.editionItems[0]?.edition;
  const storyPath = `/${school.slug}/articles/${article.slug}`;
  const form = storyFormOf(article.revision.body);
  const hasLiveCoverage = article.liveStartedAt !== null;
  // A live story tells search engines it is one, with its updates (schema.org LiveBlogPosting).
  const liveCoverage = article.liveStartedAt
    ? {
        coverageStartTime: article.liveStartedAt.toISOString(),
        coverageEndTime: article.liveEndedAt?.toISOString(),
        liveBlogUpdate: article.liveUpdates.map((update) => ({
          '@type': 'BlogPosting',
          headline: summaryOf(update.bodyText, 110),
          datePublished: update.createdAt.toISOString(),
          articleBody: update.bodyText,
          url: schoolUrl(school, `/articles/${article.slug}#update-${update.id}`),
        })),
      }
    : {};
  const jsonLd = {
    '@context': 'https://schema.org',
    '@type': hasLiveCoverage ? 'LiveBlogPosting' : 'NewsArticle',
    ...liveCoverage,
    headline: article.revision.headline,
    description: article.revision.deck || undefined,
    datePublished: published.toISOString(),
    dateModified: (updated ?? published).toISOString(),
    articleSection: article.section?.name,
    image: article.image ? [featuredImageUrl(school, article.image)] : undefined,
    mainEntityOfPage: schoolUrl(school, `/articles/${article.slug}`),
    author: article.bylines.map((byline) => ({ '@type': 'Person', name: byline.name, ...(byline.profileSlug ? { url: schoolUrl(school, `/staff/${byline.profileSlug}`) } : {}) })),
    publisher: { '@type': 'NewsMediaOrganization', name: school.newspaperName, url: schoolUrl(school) },
  };
  return (
    <main id="main" className="mx-auto max-w-2xl px-6 py-10">
      {/* JSON.stringify with < escaped: nothing in a headline can close the script element. */}
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: JSON.stringify(jsonLd).replace(/</g, '\\u003c') }} />
      <article className={`story-form-${form}`}>
        <header className="mb-8">
          {article.section && (
            <p className="text-sm font-semibold uppercase tracking-wide text-[var(--accent)]">
              <a href={`/${school.slug}/sections/${article.section.slug}`}>{article.section.name}</a>
            </p>
          )}
          <h1 className="mt-2 font-serif leading-tight font-bold">{article.revision.headline}</h1>
          {article.revision.deck && <p className="mt-3 text-xl text-gray-700">{article.revision.deck}</p>}
          <p className="mt-4 text-sm text-gray-700">
            {article.bylines.length > 0 && <>By {article.bylines.map((byline) => byline.name).join(' and ')} · </>}
            Published <time dateTime={published.toISOString()}>{when.format(published)}</time>
            {updated && (
              <>
                {' '}
                · Updated <time dateTime={updated.toISOString()}>{when.format(updated)}</time>
              </>
            )}
            {edition && (
              <>
                {' '}
                ·{' '}
                <a className="underline" href={`/${school.slug}/issues/${edition.volume}/${edition.number}`}>
                  {editionLabel(edition)}
                </a>
              </>
            )}
          </p>
        </header>
        {article.image && <PhotoFigure image={article.image} fullBleed={FULL_BLEED_FORMS.has(form)} />}
        {article.editorsNote && <EditorsNote note={article.editorsNote} />}
        <ArticleBody doc={article.revision.body} />
        {hasLiveCoverage && <LiveCoverage live={isLiveNow(article)} updates={article.liveUpdates} timeZone={school.timeZone} storyPath={storyPath} />}
        <CorrectionNotes corrections={article.corrections} timeZone={school.timeZone} />
        <BylineBlock schoolSlug={school.slug} bylines={article.bylines} />
        <p className="mt-8 border-t border-gray-300 pt-4 text-sm">
          <a className="underline" href={`/${school.slug}/requests/new?story=${encodeURIComponent(article.slug)}`}>
            Request a correction or removal
          </a>{' '}
          ·{' '}
          <a className="underline" href={`/${school.slug}/corrections/policy`}>
            How we decide
          </a>
        </p>
      </article>
      {school.commentsEnabled && <ReaderComments schoolSlug={school.slug} storySlug={article.slug} comments={article.readerComments} open={commentsOpen(school, article)} timeZone={school.timeZone} />}
      {related.length > 0 && (
        <aside aria-labelledby="related" className="site-nav mt-12 border-t border-gray-300 pt-6">
          <h2 id="related" className="font-sans text-sm font-bold uppercase tracking-wide">
            More {article.section ? `in ${article.section.name}` : 'stories'}
          </h2>
          <ArticleSummaryList schoolSlug={school.slug} articles={related} level={3} showSection={false} />
        </aside>
      )}
    </main>
  );
}
