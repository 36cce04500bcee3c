import Link from 'next/link';
import { notFound } from 'next/navigation';
import { RevisionComparison } from '@/components/newsroom/RevisionComparison';
import { RestoreRevisionButton } from '@/components/newsroom/RestoreRevisionButton';
import { compareBlocks, compareText, getRevisions, listRevisions } from '@/lib/articles';
import { requireNewsroomActor } from '@/lib/auth/signed-in';
import { buttonClass } from '@/components/ui';
import { newsroomPath } from '@/lib/routes';
import { dateFormat } from '@/lib/dates';

type Props = { params: Promise<{ school: string; articleId: string }>; searchParams: Promise<{ from?: string; to?: string }> };

const KIND_LABELS: Record<string, string> = { AUTOSAVE: 'Autosave', MANUAL: 'Saved version', RESTORE: 'Restored', IMPORT: 'Imported', PUBLISHED: 'Published' };

export default async function RevisionsPage({ params, searchParams }: Props) {
  const { school: slug, articleId } = await params;
  const { actor } = await requireNewsroomActor(slug, newsroomPath(slug, `articles/${articleId}/revisions`));
  const listed = await listRevisions(actor, articleId);
  if (!listed.ok) notFound();
  const { article, revisions } = listed.data;
  const query = await searchParams;
  const newest = revisions[0]?.number ?? 1;
  const to = Number.parseInt(query.to ?? '', 10) || newest;
  const from = Number.parseInt(query.from ?? '', 10) || revisions.find((revision) => revision.number < to)?.number || to;
  const pair = await getRevisions(actor, articleId, [from, to]);
  const when = dateFormat({ dateStyle: 'medium', timeStyle: 'short' });

  return (
    <main id="main" className="mx-auto max-w-6xl px-6 py-8">
      <p className="text-sm">
        <Link className="underline" href={newsroomPath(slug, `articles/${articleId}`)}>
          ← Back to the article
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold">Revisions of “{article.headline || 'Untitled draft'}”</h1>
      <form method="get" className="mt-6">
        <table className="w-full text-left text-sm">
          <thead>
            <tr className="border-b border-gray-300">
              <th className="py-2">From</th>
              <th>To</th>
              <th>Revision</th>
              <th>Kind</th>
              <th>By</th>
              <th>Last saved</th>
              <th>Words</th>
              <th>
                <span className="sr-only">Restore</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {revisions.map((revision) => (
              <tr key={revision.id} className="border-b border-gray-200" data-testid={`revision-${revision.number}`}>
                <td className="py-2">
                  <input type="radio" name="from" value={revision.number} defaultChecked={revision.number === from} aria-label={`Compare from revision ${revision.number}`} />
                </td>
                <td>
                  <input type="radio" name="to" value={revision.number} defaultChecked={revision.number === to} aria-label={`Compare to revision ${revision.number}`} />
                </td>
                <td>
                  {revision.number}
                  {revision.live && <span className="ml-2 rounded bg-green-100 px-1">live</span>}
                </td>
                <td>{KIND_LABELS[revision.kind] ?? revision.kind}</td>
                <td>{revision.author}</td>
                <td>{when.format(revision.updatedAt)}</td>
                <td>{revision.words}</td>
                <td>{revision.number !== newest && <RestoreRevisionButton schoolSlug={slug} articleId={articleId} number={revision.number} expectedVersion={article.version} />}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <button type="submit" className={`mt-4 ${buttonClass.primary}`}>
          Compare
        </button>
      </form>
      {pair.ok && (
        <RevisionComparison
          fromLabel={`Revision ${from}`}
          toLabel={`Revision ${to}`}
          headline={compareText(pair.data[0]!.headline, pair.data[1]!.headline)}
          deck={compareText(pair.data[0]!.deck, pair.data[1]!.deck)}
          blocks={compareBlocks(pair.data[0]!.bodyText, pair.data[1]!.bodyText)}
        />
      )}
    </main>
  );
}
