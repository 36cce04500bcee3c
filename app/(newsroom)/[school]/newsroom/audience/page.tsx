import Link from 'next/link';
import { notFound } from 'next/navigation';
import { RankedBars } from '@/components/audience/RankedBars';
import { ViewsOverTimeChart } from '@/components/audience/ViewsOverTimeChart';
import { AUDIENCE_DAYS, audienceOverview, storyAudience } from '@/lib/audience/numbers';
import { requireNewsroomActor } from '@/lib/auth/signed-in';
import { queryParams } from '@/lib/result';
import { newsroomPath } from '@/lib/routes';

type Props = { params: Promise<{ school: string }>; searchParams: Promise<Record<string, unknown>> };

const cameFrom = (domain: string) => domain || 'Direct, or a link that does not say';

export default async function AudiencePage({ params, searchParams }: Props) {
  const { school: slug } = await params;
  const { story } = queryParams(await searchParams);
  const { actor } = await requireNewsroomActor(slug, newsroomPath(slug, 'audience'));
  const base = newsroomPath(slug, 'audience');
  if (story) {
    const numbers = await storyAudience(actor, story);
    if (!numbers.ok) notFound();
    const { headline, total, days, referrers } = numbers.data;
    return (
      <main id="main" className="mx-auto max-w-4xl px-6 py-8">
        <p className="text-sm">
          <Link className="underline" href={base}>
            ← Audience
          </Link>
        </p>
        <h1 className="mt-2 text-2xl font-bold">{headline || 'Untitled story'}</h1>
        <p className="mt-2 text-gray-800" data-testid="story-total">
          {total.toLocaleString('en-US')} {total === 1 ? 'view' : 'views'} in all.
        </p>
        <h2 className="mt-6 text-lg font-semibold">Views in the last {AUDIENCE_DAYS} days</h2>
        <ViewsOverTimeChart days={days} label={`Views of “${headline}” per day`} />
        <h2 className="mt-6 text-lg font-semibold">Where readers came from</h2>
        <RankedBars items={referrers.map((referrer) => ({ key: referrer.domain, label: cameFrom(referrer.domain), value: referrer.views }))} unit="views" empty="Nobody has read it yet." />
      </main>
    );
  }
  const overview = await audienceOverview(actor);
  return (
    <main id="main" className="mx-auto max-w-4xl px-6 py-8">
      <h1 className="text-2xl font-bold">Audience</h1>
      <p className="mt-2 text-gray-800">
        {overview.scope === 'paper' ? 'How many times the paper’s pages were read' : 'How many times your stories were read'}, counted by our server: no cookies, no addresses, nothing that follows a
        reader; search engines and other robots are left out. Your own visits while signed in are not counted.
      </p>
      <p className="mt-4 text-lg" data-testid="week-views">
        <strong>{overview.weekViews.toLocaleString('en-US')}</strong> views in the last 7 days.
      </p>
      <h2 className="mt-6 text-lg font-semibold">Views per day, last {AUDIENCE_DAYS} days</h2>
      <ViewsOverTimeChart days={overview.days} label={overview.scope === 'paper' ? 'Views of the paper per day' : 'Views of your stories per day'} />
      <div className="mt-8 grid gap-8 md:grid-cols-2">
        <section>
          <h2 className="text-lg font-semibold">Top stories this week</h2>
          <RankedBars
            items={overview.topStories.map((top) => ({
              key: top.articleId,
              label: (
                <Link className="underline" href={`${base}?story=${top.articleId}`}>
                  {top.headline || 'Untitled story'}
                </Link>
              ),
              value: top.views,
            }))}
            unit="views"
            empty="No story has been read this week yet."
          />
        </section>
        <section>
          <h2 className="text-lg font-semibold">Where readers came from this week</h2>
          <RankedBars
            items={overview.referrers.map((referrer) => ({ key: referrer.domain, label: cameFrom(referrer.domain), value: referrer.views }))}
            unit="views"
            empty="Nobody has visited this week yet."
          />
        </section>
      </div>
      <p className="mt-8">
        <a className="underline" href={`/api/schools/${slug}/audience`} download>
          Download the numbers (CSV)
        </a>
      </p>
    </main>
  );
}
