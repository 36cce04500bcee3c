// A live story's updates under it, newest first, each with its time and its author. The page is
// complete without script (the list as it stood, and a link to look again); while coverage is open
// it carries the one script reader pages may (public/live-updates.js), which fetches the page again
// and shows new updates in place for as long as the reader leaves it on.
import { headers } from 'next/headers';
import { ArticleBody } from './ArticleBody';
import { LiveBadge } from './LiveBadge';
import { dateFormat } from '@/lib/dates';
import { LIVE_UPDATES_SCRIPT } from '@/lib/routes';
import { nonceOf } from '@/lib/security/content-security-policy';

interface LiveUpdate {
  id: string;
  author: string;
  body: unknown;
  createdAt: Date;
}

export async function LiveCoverage({ live, updates, timeZone, storyPath }: { live: boolean; updates: LiveUpdate[]; timeZone: string; storyPath: string }) {
  const when = dateFormat({ month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZone, timeZoneName: 'short' });
  // Next renders with a nonce in its policy; the production server sends kept pages with a policy
  // that names this script instead (lib/page-cache).
  const nonce = live ? nonceOf((await headers()).get('content-security-policy')) : undefined;
  return (
    <section aria-labelledby="live-heading" className="mt-10 border-t-4 border-[var(--accent)] pt-4" data-live-coverage={live ? 'open' : 'ended'}>
      <h2 id="live-heading" className="font-sans text-lg font-bold">
        {live && <LiveBadge />}
        {live ? 'Updates' : 'Updates as they happened'}
      </h2>
      {live ? (
        <p className="mt-1 text-sm text-gray-700" data-live-controls>
          Newest first. New updates appear here as they are posted.{' '}
          <a className="underline" href={storyPath}>
            Look for new updates
          </a>
        </p>
      ) : (
        <p className="mt-1 text-sm text-gray-700">Live coverage has ended.</p>
      )}
      <div data-live-feed>
        {updates.length === 0 ? (
          <p className="mt-4 text-gray-700">No updates yet.</p>
        ) : (
          <ol className="mt-4 space-y-6" aria-label="Updates, newest first">
            {updates.map((update) => (
              <li key={update.id} id={`update-${update.id}`} className="border-l-2 border-gray-300 pl-4">
                <p className="font-sans text-sm text-gray-700">
                  <time dateTime={update.createdAt.toISOString()} className="font-semibold text-gray-900">
                    {when.format(update.createdAt)}
                  </time>{' '}
                  · {update.author}
                </p>
                <ArticleBody doc={update.body} />
              </li>
            ))}
          </ol>
        )}
      </div>
      {live && <script src={LIVE_UPDATES_SCRIPT} nonce={nonce} defer />}
    </section>
  );
}
