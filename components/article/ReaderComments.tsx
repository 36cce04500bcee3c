import { dateFormat } from '@/lib/dates';

interface ShownComment {
  id: string;
  authorName: string;
  body: string;
  confirmedAt: Date | null;
}

/** Readers' approved comments under a story, with the way to write one (its own page, so the form
 * works without JavaScript and this cached page stays the same for everyone) and to report one. */
export function ReaderComments({ schoolSlug, storySlug, comments, open, timeZone }: { schoolSlug: string; storySlug: string; comments: ShownComment[]; open: boolean; timeZone: string }) {
  const date = dateFormat({ dateStyle: 'medium', timeStyle: 'short', timeZone });
  return (
    <section aria-labelledby="reader-comments" className="mt-10 border-t border-gray-300 pt-6">
      <h2 id="reader-comments" className="font-sans text-lg font-bold">
        {comments.length === 0 ? 'Comments' : `${comments.length} ${comments.length === 1 ? 'comment' : 'comments'}`}
      </h2>
      <p className="mt-1 text-sm text-gray-700">The editors read every comment before it appears.</p>
      <ol className="mt-4 space-y-5">
        {comments.map((comment) => (
          <li key={comment.id} className="border-l-2 border-gray-300 pl-4">
            <p className="text-sm">
              <strong>{comment.authorName}</strong>
              {comment.confirmedAt && (
                <>
                  {' '}
                  · <time dateTime={comment.confirmedAt.toISOString()}>{date.format(comment.confirmedAt)}</time>
                </>
              )}
            </p>
            {comment.body.split(/\n{2,}/).map((paragraph, index) => (
              <p key={index} className="mt-1 whitespace-pre-line">
                {paragraph}
              </p>
            ))}
            <p className="mt-1 text-xs">
              <a className="underline" href={`/${schoolSlug}/comments/report?comment=${comment.id}`} rel="nofollow">
                Report this comment
              </a>
            </p>
          </li>
        ))}
      </ol>
      {open ? (
        <p className="mt-5">
          <a className="inline-block rounded border border-gray-800 px-3 py-1.5 text-sm font-semibold" href={`/${schoolSlug}/comments/new?story=${encodeURIComponent(storySlug)}`} rel="nofollow">
            Write a comment
          </a>
        </p>
      ) : (
        <p className="mt-5 text-sm text-gray-700">Comments are closed on this story.</p>
      )}
    </section>
  );
}
