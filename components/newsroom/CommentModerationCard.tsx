import { MODERATION_LABELS } from '@/lib/reader-comments/comments';
import { buttonClass, controlClass } from '@/components/ui';
import { dateFormat } from '@/lib/dates';

interface ModeratedComment {
  id: string;
  authorName: string;
  email: string;
  body: string;
  confirmedAt: Date | null;
  reportCount: number;
  lastReportReason: string | null;
  article: { slug: string; publishedRevision: { headline: string } | null };
}

/** One comment in the moderation queue, with its decision: approve, or reject (and perhaps block
 * the address) with a reason kept for the record. A plain form, so it works without JavaScript. */
export function CommentModerationCard({ comment, schoolSlug, action, timeZone }: { comment: ModeratedComment; schoolSlug: string; action: (form: FormData) => Promise<void>; timeZone: string }) {
  const date = dateFormat({ dateStyle: 'medium', timeStyle: 'short', timeZone });
  const reasonId = `reason-${comment.id}`;
  return (
    <li className="rounded border border-gray-300 p-4" data-testid="moderation-item">
      <p className="text-sm text-gray-700">
        On{' '}
        <a className="underline" href={`/${schoolSlug}/articles/${comment.article.slug}`}>
          {comment.article.publishedRevision?.headline ?? 'a story'}
        </a>{' '}
        · <strong className="text-gray-900">{comment.authorName}</strong> ({comment.email}){comment.confirmedAt && <> · {date.format(comment.confirmedAt)}</>}
      </p>
      <p className="mt-2 whitespace-pre-line">{comment.body}</p>
      {comment.reportCount > 0 && (
        <p className="mt-2 text-sm text-red-800">
          Reported {comment.reportCount === 1 ? 'once' : `${comment.reportCount} times`}
          {comment.lastReportReason && <>: “{comment.lastReportReason}”</>}
        </p>
      )}
      <form action={action} className="mt-3 space-y-2">
        <label htmlFor={reasonId} className="block text-sm font-medium">
          Reason (needed to reject; never shown to readers)
        </label>
        <input id={reasonId} name="reason" className={controlClass.full} maxLength={500} />
        <div className="flex flex-wrap gap-2">
          {(Object.keys(MODERATION_LABELS) as (keyof typeof MODERATION_LABELS)[]).map((decision) => (
            <button key={decision} type="submit" name="decision" value={decision} className={decision === 'APPROVE' ? buttonClass.small : buttonClass.smallSecondary}>
              {MODERATION_LABELS[decision]}
            </button>
          ))}
        </div>
      </form>
    </li>
  );
}
