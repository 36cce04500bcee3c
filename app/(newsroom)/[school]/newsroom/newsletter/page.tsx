import { notFound } from 'next/navigation';
import { NewsletterComposeForm } from '@/components/newsroom/NewsletterComposeForm';
import { PageNotice, TextField, buttonClass } from '@/components/ui';
import { listPublishedArticles } from '@/lib/articles/public';
import { can } from '@/lib/auth';
import { requireNewsroomActor } from '@/lib/auth/signed-in';
import { editionLabel } from '@/lib/editions/label';
import { listPublishedEditions } from '@/lib/editions/public';
import { LIST_KEYS, NEWSLETTER_LISTS } from '@/lib/newsletters/lists';
import { listSends } from '@/lib/newsletters/sends';
import { subscriberCounts } from '@/lib/newsletters/subscribers';
import { newsroomPath } from '@/lib/routes';
import { cancelNewsletter, composeNewsletter, eraseAddress } from './actions';
import { dateFormat } from '@/lib/dates';

type Props = { params: Promise<{ school: string }>; searchParams: Promise<{ notice?: string; error?: string }> };

const STATUS_LABELS = { SCHEDULED: 'Scheduled', SENDING: 'Sending', SENT: 'Sent', CANCELLED: 'Cancelled' } as const;

export default async function NewsletterPage({ params, searchParams }: Props) {
  const { school: slug } = await params;
  const { actor, school } = await requireNewsroomActor(slug, newsroomPath(slug, 'newsletter'));
  const [counts, sends] = [await subscriberCounts(actor), await listSends(actor)];
  if (!counts.ok || !sends.ok) notFound();
  const { notice, error } = await searchParams;
  const editions = await listPublishedEditions(school);
  const stories = await listPublishedArticles(school, { take: 30 });
  const when = dateFormat({ dateStyle: 'medium', timeStyle: 'short', timeZone: school.timeZone });
  return (
    <main id="main" className="mx-auto max-w-3xl px-6 py-8">
      <h1 className="text-2xl font-bold">Newsletter</h1>
      <PageNotice notice={notice} error={error} />
      <ul className="mt-4 grid gap-3 sm:grid-cols-3">
        {LIST_KEYS.map((list) => (
          <li key={list} className="rounded border border-gray-300 p-3">
            <p className="text-2xl font-bold tabular-nums">{counts.data[list]}</p>
            <p className="text-sm">{NEWSLETTER_LISTS[list].label}</p>
          </li>
        ))}
      </ul>
      <p className="mt-2 text-sm text-gray-700">
        Confirmed readers per list. {counts.data.pending} waiting to confirm; {counts.data.suppressed} suppressed after a bounce or complaint. Readers sign up at{' '}
        <a className="underline" href={`/${slug}/newsletter`}>
          /{slug}/newsletter
        </a>
        .
      </p>
      <section aria-labelledby="compose" className="mt-8">
        <h2 id="compose" className="text-lg font-semibold">
          Send a newsletter
        </h2>
        <NewsletterComposeForm
          action={composeNewsletter.bind(null, slug)}
          lists={LIST_KEYS.map((list) => ({ value: list, label: `${NEWSLETTER_LISTS[list].label} (${counts.data[list]})` }))}
          editions={editions.map((edition) => ({ value: edition.id, label: `${editionLabel(edition)}${edition.title ? ` — ${edition.title}` : ''}` }))}
          stories={stories.map((story) => ({ value: story.id, label: story.headline }))}
        />
      </section>
      <section aria-labelledby="sends" className="mt-10">
        <h2 id="sends" className="text-lg font-semibold">
          Sends
        </h2>
        {sends.data.length === 0 ? (
          <p className="mt-2">Nothing sent yet.</p>
        ) : (
          <table className="mt-3 w-full text-left text-sm">
            <thead>
              <tr className="border-b border-gray-300">
                <th className="py-2">Subject</th>
                <th>List</th>
                <th>When</th>
                <th>Status</th>
              </tr>
            </thead>
            <tbody>
              {sends.data.map((send) => (
                <tr key={send.id} className="border-b border-gray-200 align-top" data-testid="newsletter-send">
                  <td className="py-2">{send.subject}</td>
                  <td>{NEWSLETTER_LISTS[send.list].label}</td>
                  <td>{when.format(send.scheduledFor)}</td>
                  <td>
                    {STATUS_LABELS[send.status]}
                    {send.status !== 'SCHEDULED' && send.status !== 'CANCELLED' && (
                      <>
                        {' '}
                        · {send.sent} of {send.recipients} sent{send.failed > 0 && <>, {send.failed} not delivered</>}
                      </>
                    )}
                    {send.status === 'SCHEDULED' && (
                      <form action={cancelNewsletter.bind(null, slug, send.id)} className="mt-1">
                        <button className={buttonClass.row}>Cancel</button>
                      </form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {can(actor, 'members.manage') && (
        <section aria-labelledby="subscriber-data" className="mt-10">
          <h2 id="subscriber-data" className="text-lg font-semibold">
            Subscribers’ data
          </h2>
          <p className="mt-2 text-sm text-gray-800">
            Addresses are personal data.{' '}
            <a className="underline" href={`/api/schools/${slug}/newsletter/subscribers`}>
              Download every subscriber (CSV)
            </a>
            , or erase an address when its owner asks.
          </p>
          <form action={eraseAddress.bind(null, slug)} className="mt-3 flex flex-wrap items-end gap-3">
            <TextField label="Address to erase" name="email" type="email" size="compact" state={null} />
            <button className={buttonClass.row}>Erase it</button>
          </form>
        </section>
      )}
    </main>
  );
}
