import { notFound } from 'next/navigation';
import { requireNewsroomActor } from '@/lib/auth/signed-in';
import { getEditionForBuilding } from '@/lib/editions';
import { STATUS_LABELS } from '@/lib/workflow/table';
import { changeIssue } from '../actions';
import { editionLabel } from '@/lib/editions/label';
import { PageNotice, buttonClass } from '@/components/ui';
import { newsroomPath } from '@/lib/routes';

type Props = { params: Promise<{ school: string; editionId: string }>; searchParams: Promise<{ notice?: string; error?: string }> };

export default async function IssueBuilderPage({ params, searchParams }: Props) {
  const { school: slug, editionId } = await params;
  const { notice, error } = await searchParams;
  const { actor } = await requireNewsroomActor(slug, newsroomPath(slug, `issues/${editionId}`));
  const edition = await getEditionForBuilding(actor, editionId);
  if (!edition) notFound();
  const act = changeIssue.bind(null, slug, editionId);
  const order = edition.items.map((item) => item.article.id);
  const moved = (index: number, by: number) => {
    const next = [...order];
    const [id] = next.splice(index, 1);
    next.splice(index + by, 0, id!);
    return next.join(',');
  };
  return (
    <main id="main" className="mx-auto max-w-3xl px-6 py-8">
      <h1 className="text-2xl font-bold">
        {editionLabel(edition)} {edition.status === 'PUBLISHED' ? '(published)' : '(in preparation)'}
      </h1>
      <PageNotice notice={notice} error={error} />
      <h2 className="mt-6 text-lg font-bold">Running order</h2>
      <ol className="mt-2 divide-y divide-gray-200" aria-label="Running order">
        {edition.items.map(({ article }, index) => (
          <li key={article.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
            <span>
              {article.headline || 'Untitled draft'}{' '}
              <span className="text-sm text-gray-700">
                · {article.section?.name ?? 'No section'} · {STATUS_LABELS[article.status]}
              </span>
            </span>
            <span className="flex gap-2 text-sm">
              {index > 0 && (
                <form action={act}>
                  <IssueChange version={edition.version} intent="order" value={moved(index, -1)} />
                  <button type="submit" className="underline" aria-label={`Move “${article.headline}” up`}>
                    Up
                  </button>
                </form>
              )}
              {index < order.length - 1 && (
                <form action={act}>
                  <IssueChange version={edition.version} intent="order" value={moved(index, 1)} />
                  <button type="submit" className="underline" aria-label={`Move “${article.headline}” down`}>
                    Down
                  </button>
                </form>
              )}
              <form action={act}>
                <IssueChange version={edition.version} intent="remove" articleId={article.id} />
                <button type="submit" className="underline" aria-label={`Remove “${article.headline}”`}>
                  Remove
                </button>
              </form>
            </span>
          </li>
        ))}
      </ol>
      {edition.status !== 'PUBLISHED' && (
        <form action={act} className="mt-4">
          <IssueChange version={edition.version} intent="publish" />
          <button type="submit" className={buttonClass.primary}>
            Publish this issue
          </button>
          <p className="mt-1 text-sm text-gray-700">Every approved article in it goes live at once.</p>
        </form>
      )}
      <h2 className="mt-8 text-lg font-bold">Approved and published articles</h2>
      <ul className="mt-2 divide-y divide-gray-200">
        {edition.candidates.map((article) => (
          <li key={article.id} className="flex items-center justify-between py-2">
            <span>
              {article.headline || 'Untitled draft'}{' '}
              <span className="text-sm text-gray-700">
                · {article.section?.name ?? 'No section'} · {STATUS_LABELS[article.status]}
              </span>
            </span>
            <form action={act}>
              <IssueChange version={edition.version} intent="add" articleId={article.id} />
              <button type="submit" className="underline" aria-label={`Add “${article.headline}”`}>
                Add
              </button>
            </form>
          </li>
        ))}
      </ul>
    </main>
  );
}

/** What each of the issue builder's buttons posts beside itself: the change and the version seen. */
function IssueChange({ version, intent, articleId, value }: { version: number; intent: string; articleId?: string; value?: string }) {
  return (
    <>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="version" value={version} />
      {articleId && <input type="hidden" name="articleId" value={articleId} />}
      {value && <input type="hidden" name="order" value={value} />}
    </>
  );
}
