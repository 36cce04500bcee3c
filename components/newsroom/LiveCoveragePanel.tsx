// The story's live coverage in the newsroom: start or end it, post updates, and every update so
// far with its author and whether readers see it; those who may publish updates decide on the rest.
import { ArticleBody } from '@/components/article/ArticleBody';
import { buttonClass } from '@/components/ui';
import type { ArticleDoc } from '@/lib/content/document';
import { dateFormat } from '@/lib/dates';
import type { FormAction } from '@/lib/forms';
import { LIVE_UPDATE_MAX_CHARACTERS } from '@/lib/live-coverage/rules';
import { LiveUpdateComposer } from './LiveUpdateComposer';

type FormHandler = (form: FormData) => Promise<void>;

interface LiveCoverageView {
  live: boolean;
  ended: boolean;
  mayRun: boolean;
  publishes: boolean;
  updates: { id: string; body: ArticleDoc; status: 'PENDING' | 'PUBLISHED' | 'WITHDRAWN'; createdAt: Date; author: string }[];
}

const STATUS_WORDS = { PENDING: 'Waiting for the live desk', PUBLISHED: 'Readers see it', WITHDRAWN: 'Withdrawn' } as const;

interface LiveCoveragePanelProps {
  schoolSlug: string;
  timeZone: string;
  coverage: LiveCoverageView;
  switchCoverage: FormHandler;
  postUpdate: FormAction;
  decide: (updateId: string) => FormHandler;
}

export function LiveCoveragePanel({ schoolSlug, timeZone, coverage, switchCoverage, postUpdate, decide }: LiveCoveragePanelProps) {
  const { live, ended, mayRun, publishes, updates } = coverage;
  if (!live && !ended && !mayRun) return null;
  const when = dateFormat({ month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZone });
  return (
    <section aria-labelledby="live-coverage-heading" className="rounded border border-gray-300 p-4 text-sm">
      <h2 id="live-coverage-heading" className="font-semibold">
        Live coverage
      </h2>
      <p className="mt-1">
        {live ? 'On: updates appear under the story, newest first.' : ended ? 'Ended. The updates stay with the story.' : 'Off. Start it for a game, an election night or a meeting.'}
      </p>
      {mayRun && (
        <form action={switchCoverage} className="mt-2">
          {!live && <input type="hidden" name="open" value="on" />}
          <button className={buttonClass.smallSecondary}>{live ? 'End live coverage' : ended ? 'Reopen live coverage' : 'Start live coverage'}</button>
        </form>
      )}
      {live && <LiveUpdateComposer schoolSlug={schoolSlug} action={postUpdate} publishes={publishes} maxCharacters={LIVE_UPDATE_MAX_CHARACTERS} />}
      {updates.length > 0 && (
        <ol className="mt-4 space-y-4" aria-label="Live updates, newest first">
          {updates.map((update) => (
            <li key={update.id} className="border-t border-gray-200 pt-3">
              <p className="text-gray-700">
                <time dateTime={update.createdAt.toISOString()}>{when.format(update.createdAt)}</time> · {update.author} · <strong>{STATUS_WORDS[update.status]}</strong>
              </p>
              <ArticleBody doc={update.body} />
              {publishes && update.status !== 'WITHDRAWN' && (
                <form action={decide(update.id)} className="mt-1 flex gap-2">
                  {update.status === 'PENDING' && (
                    <button name="decision" value="publish" className={buttonClass.small}>
                      Publish update
                    </button>
                  )}
                  <button name="decision" value="withdraw" className={buttonClass.smallSecondary}>
                    Withdraw update
                  </button>
                </form>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
