import { notFound } from 'next/navigation';
import { CommentModerationCard } from '@/components/newsroom/CommentModerationCard';
import { PageNotice, buttonClass } from '@/components/ui';
import { requireNewsroomActor } from '@/lib/auth/signed-in';
import { moderationQueue } from '@/lib/reader-comments/comments';
import { newsroomPath } from '@/lib/routes';
import { moderate, unblock } from './actions';

type Props = { params: Promise<{ school: string }>; searchParams: Promise<{ notice?: string; error?: string }> };

export default async function CommentsPage({ params, searchParams }: Props) {
  const { school: slug } = await params;
  const { actor, school } = await requireNewsroomActor(slug, newsroomPath(slug, 'comments'));
  const queue = await moderationQueue(actor);
  if (!queue.ok) notFound();
  const { notice, error } = await searchParams;
  const { waiting, reported, blocked } = queue.data;
  const card = (comment: (typeof waiting)[number]) => (
    <CommentModerationCard key={comment.id} comment={comment} schoolSlug={slug} action={moderate.bind(null, slug, comment.id)} timeZone={school.timeZone} />
  );
  return (
    <main id="main" className="mx-auto max-w-3xl px-6 py-8">
      <h1 className="text-2xl font-bold">Readers’ comments</h1>
      <p className="mt-2 text-gray-800">
        {school.commentsEnabled ? 'Comments are on: readers see a comment once it is approved here.' : 'Comments are off for the paper (Settings turns them on); nothing new arrives.'}
      </p>
      <PageNotice notice={notice} error={error} />
      <section aria-labelledby="waiting" className="mt-8">
        <h2 id="waiting" className="text-lg font-semibold">
          Waiting for a decision ({waiting.length})
        </h2>
        {waiting.length === 0 ? <p className="mt-2">Nothing is waiting.</p> : <ol className="mt-3 space-y-4">{waiting.map(card)}</ol>}
      </section>
      <section aria-labelledby="reported" className="mt-10">
        <h2 id="reported" className="text-lg font-semibold">
          Reported by readers ({reported.length})
        </h2>
        <p className="mt-1 text-sm text-gray-700">Approved comments readers reported; approving again clears the reports.</p>
        {reported.length === 0 ? <p className="mt-2">No reports.</p> : <ol className="mt-3 space-y-4">{reported.map(card)}</ol>}
      </section>
      <section aria-labelledby="blocked" className="mt-10">
        <h2 id="blocked" className="text-lg font-semibold">
          Blocked addresses ({blocked.length})
        </h2>
        <ul className="mt-3 space-y-2">
          {blocked.map((entry) => (
            <li key={entry.email} className="flex flex-wrap items-center gap-3">
              <span>
                {entry.email} — {entry.reason}
              </span>
              <form action={unblock.bind(null, slug)}>
                <input type="hidden" name="email" value={entry.email} />
                <button className={buttonClass.row}>Unblock</button>
              </form>
            </li>
          ))}
        </ul>
      </section>
    </main>
  );
}
