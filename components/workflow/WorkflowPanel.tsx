import type { ReactNode } from 'react';
import { STATUS_LABELS } from '@/lib/workflow/table';
import type { WorkflowView } from '@/lib/workflow/review';
import { ArticleHistory } from './ArticleHistory';
import { CommentThreads } from './CommentThreads';
import { dateFormat } from '@/lib/dates';

/** Status, whom the article waits for, the actions (passed in), comments and history. */
export function WorkflowPanel({ schoolSlug, articleId, view, actions }: { schoolSlug: string; articleId: string; view: WorkflowView; actions: ReactNode }) {
  return (
    <aside aria-label="Workflow" className="space-y-6">
      <section>
        <h2 className="text-sm font-semibold uppercase tracking-wide text-gray-700">Status</h2>
        <p className="mt-1 text-lg font-bold" data-testid="workflow-status">
          {STATUS_LABELS[view.status]}
        </p>
        {view.waitingFor && <p className="text-sm text-gray-700">Waiting for approval by {view.waitingFor}.</p>}
        {view.live && view.status !== 'PUBLISHED' && <p className="text-sm text-gray-700">Readers still see the published version until this revision is published.</p>}
        {view.scheduledFor && <p className="text-sm">Scheduled for {dateFormat({ dateStyle: 'medium', timeStyle: 'short' }).format(view.scheduledFor)}.</p>}
        {view.live && (
          <p className="text-sm">
            <a className="underline" href={`/${schoolSlug}/articles/${view.slug}`}>
              View on the site
            </a>
          </p>
        )}
        <div className="mt-3">{actions}</div>
      </section>
      <section>
        <h2 className="text-sm font-semibold uppercase tracking-wide text-gray-700">Comments</h2>
        <div className="mt-2">
          <CommentThreads
            schoolSlug={schoolSlug}
            articleId={articleId}
            version={view.version}
            threads={view.comments.map((thread) => ({
              id: thread.id,
              quotedText: thread.quotedText,
              body: thread.body,
              author: thread.author,
              resolvedAt: thread.resolvedAt?.toISOString() ?? null,
              createdAt: thread.createdAt.toISOString(),
              replies: thread.replies.map((reply) => ({ id: reply.id, body: reply.body, author: reply.author, createdAt: reply.createdAt.toISOString() })),
            }))}
          />
        </div>
      </section>
      <section>
        <h2 className="text-sm font-semibold uppercase tracking-wide text-gray-700">History</h2>
        <div className="mt-2">
          <ArticleHistory history={view.history} />
        </div>
      </section>
    </aside>
  );
}
