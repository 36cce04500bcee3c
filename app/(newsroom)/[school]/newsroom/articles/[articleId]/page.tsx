import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ArticleBody } from '@/components/article/ArticleBody';
import { PhotoFigure } from '@/components/article/PhotoFigure';
import { ArticleEditor } from '@/components/editor/ArticleEditor';
import { ReviewReader } from '@/components/workflow/ReviewReader';
import { WorkflowActions } from '@/components/workflow/WorkflowActions';
import { WorkflowPanel } from '@/components/workflow/WorkflowPanel';
import { StoryCommentsSwitch } from '@/components/newsroom/StoryCommentsSwitch';
import { LiveCoveragePanel } from '@/components/newsroom/LiveCoveragePanel';
import { PageNotice } from '@/components/ui';
import { decideUpdate, postUpdate, switchLiveCoverage } from './actions';
import { switchStoryComments } from '../../comments/actions';
import { isAuthor } from '@/lib/articles';
import { getArticleForEditing } from '@/lib/articles/editing';
import { can } from '@/lib/auth';
import { requireNewsroomActor } from '@/lib/auth/signed-in';
import type { ArticleDoc } from '@/lib/content/document';
import { getWorkflowView } from '@/lib/workflow';
import { liveCoverageForNewsroom } from '@/lib/live-coverage';
import { newsroomPath } from '@/lib/routes';

type Props = { params: Promise<{ school: string; articleId: string }>; searchParams: Promise<{ mode?: string; notice?: string; error?: string }> };

export default async function NewsroomArticlePage({ params, searchParams }: Props) {
  const { school: slug, articleId } = await params;
  const { mode, notice, error } = await searchParams;
  const { actor, school } = await requireNewsroomActor(slug, newsroomPath(slug, `articles/${articleId}`));
  const [found, workflow, coverage] = await Promise.all([getArticleForEditing(actor, articleId), getWorkflowView(actor, articleId), liveCoverageForNewsroom(actor, articleId)]);
  if (!found.ok || !workflow.ok || !coverage.ok) notFound();
  const { article, editable, draft, sections, staff, bylineTitles, maxHeadlineLength } = found.data;
  const view = workflow.data;
  // Authors write; reviewers read, comment and decide (and may switch to editing the copy).
  const reviewer = !isAuthor(actor, article) && can(actor, 'article.review');
  const reviewing = reviewer && mode !== 'edit' && mode !== 'suggest';
  const editing = editable && !reviewing;
  // A reviewer suggesting edits writes into the same copy, as marked suggestions for the author.
  const suggesting = editing && reviewer && mode === 'suggest';

  const main = editing ? (
    <ArticleEditor
      schoolSlug={slug}
      articleId={article.id}
      server={draft}
      sections={sections.map(({ id, name }) => ({ id, name }))}
      staff={staff}
      bylineTitles={bylineTitles}
      maxHeadlineLength={maxHeadlineLength}
      revisionsHref={newsroomPath(slug, `articles/${article.id}/revisions`)}
      workflowActions={view.actions}
      suggester={suggesting ? { id: actor.membershipId, name: actor.displayName } : undefined}
    />
  ) : (
    <article>
      <p className="text-sm uppercase text-gray-700">{article.section?.name ?? 'No section'}</p>
      <h1 className="mt-2 font-serif text-3xl font-bold">{article.headline || 'Untitled draft'}</h1>
      {article.deck && <p className="mt-2 text-lg text-gray-700">{article.deck}</p>}
      {draft.featuredImage && <PhotoFigure image={draft.featuredImage} />}
      <div className="mt-6">{reviewing ? <ReviewReader schoolSlug={slug} articleId={article.id} body={draft.body as ArticleDoc} version={view.version} /> : <ArticleBody doc={article.body} />}</div>
      {reviewing && editable && (
        <p className="mt-6 text-sm">
          <Link className="underline" href={newsroomPath(slug, `articles/${article.id}?mode=suggest`)}>
            Suggest edits
          </Link>{' '}
          ·{' '}
          <Link className="underline" href={newsroomPath(slug, `articles/${article.id}?mode=edit`)}>
            Edit the copy
          </Link>{' '}
          ·{' '}
          <Link className="underline" href={newsroomPath(slug, `articles/${article.id}/revisions`)}>
            Revisions
          </Link>
        </p>
      )}
    </article>
  );

  return (
    <main id="main" className="mx-auto grid max-w-6xl gap-8 px-6 py-8 lg:grid-cols-[minmax(0,1fr)_20rem]">
      <div>
        {editing && <h1 className="sr-only">Edit article</h1>}
        {main}
      </div>
      <div className="space-y-6">
        <PageNotice notice={notice} error={error} />
        <WorkflowPanel
          schoolSlug={slug}
          articleId={article.id}
          view={view}
          actions={editing ? null : <WorkflowActions schoolSlug={slug} articleId={article.id} actions={view.actions} version={view.version} />}
        />
        <LiveCoveragePanel
          schoolSlug={slug}
          timeZone={school.timeZone}
          coverage={coverage.data}
          switchCoverage={switchLiveCoverage.bind(null, slug, article.id)}
          postUpdate={postUpdate.bind(null, slug, article.id)}
          decide={(updateId) => decideUpdate.bind(null, slug, article.id, updateId)}
        />
        {school.commentsEnabled && <StoryCommentsSwitch open={article.commentsOpen} action={switchStoryComments.bind(null, slug, article.id)} />}
      </div>
    </main>
  );
}
