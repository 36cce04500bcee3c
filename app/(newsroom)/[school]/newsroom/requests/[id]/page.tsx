import Link from 'next/link';
import { notFound } from 'next/navigation';
import { RemovalDecisionForm } from '@/components/newsroom/RemovalDecisionForm';
import { Button, PageNotice, TextAreaField } from '@/components/ui';
import { requireNewsroomActor } from '@/lib/auth/signed-in';
import { getRemovalRequest } from '@/lib/removals/cases';
import { OUTCOME_LABELS, REQUEST_KINDS } from '@/lib/removals/policy';
import { newsroomPath } from '@/lib/routes';
import { addCaseNote, decideCase } from '../actions';
import { dateFormat } from '@/lib/dates';

type Props = { params: Promise<{ school: string; id: string }>; searchParams: Promise<{ notice?: string; error?: string }> };

export default async function RequestCasePage({ params, searchParams }: Props) {
  const { school: slug, id } = await params;
  const { actor, school } = await requireNewsroomActor(slug, newsroomPath(slug, `requests/${id}`));
  const found = await getRemovalRequest(actor, id);
  if (!found.ok) notFound();
  const request = found.data;
  const { notice, error } = await searchParams;
  const when = dateFormat({ dateStyle: 'medium', timeStyle: 'short', timeZone: school.timeZone });
  return (
    <main id="main" className="mx-auto max-w-3xl space-y-8 px-6 py-8">
      <div>
        <p className="text-sm">
          <Link className="underline" href={newsroomPath(slug, 'requests')}>
            All requests
          </Link>
        </p>
        <h1 className="mt-2 text-2xl font-bold">{REQUEST_KINDS[request.kind]}</h1>
        <p className="mt-1 text-gray-800">
          About{' '}
          <Link className="underline" href={newsroomPath(slug, `articles/${request.article.id}`)}>
            {request.article.headline || 'Untitled story'}
          </Link>
          {request.article.publishedRevisionId && (
            <>
              {' '}
              (
              <Link className="underline" href={`/${slug}/articles/${request.article.slug}`}>
                as readers see it
              </Link>
              )
            </>
          )}
        </p>
      </div>
      <PageNotice notice={notice} error={error} />
      <section aria-labelledby="the-request" className="rounded border border-gray-300 p-4">
        <h2 id="the-request" className="font-bold">
          The request
        </h2>
        <p className="mt-1 text-sm text-gray-700">
          From {request.requesterName} &lt;{request.requesterEmail}&gt;, confirmed {request.confirmedAt ? when.format(request.confirmedAt) : '—'}
          {request.status === 'OPEN' && request.deadline && <>; answer by {when.format(request.deadline)}</>}
        </p>
        <p className="mt-3 whitespace-pre-line">{request.message}</p>
      </section>
      <section aria-labelledby="notes">
        <h2 id="notes" className="font-bold">
          Internal notes
        </h2>
        {request.notes.length === 0 && <p className="mt-1 text-sm text-gray-700">None yet. Notes stay in the newsroom.</p>}
        <ul className="mt-2 space-y-3">
          {request.notes.map((note) => (
            <li key={note.id}>
              <p className="text-sm text-gray-700">
                {note.author}, {when.format(note.createdAt)}
              </p>
              <p className="whitespace-pre-line">{note.body}</p>
            </li>
          ))}
        </ul>
        <form action={addCaseNote.bind(null, slug, request.id)} className="mt-3 space-y-2">
          <TextAreaField label="Add a note" name="body" rows={3} state={null} />
          <Button variant="secondary">Add the note</Button>
        </form>
      </section>
      <section aria-labelledby="decision" className="rounded border border-gray-300 p-4">
        <h2 id="decision" className="mb-3 font-bold">
          Decision
        </h2>
        {request.status === 'DECIDED' ? (
          <div className="space-y-2">
            <p>
              {OUTCOME_LABELS[request.outcome!]}, by {request.decidedBy} on {when.format(request.decidedAt!)}.
            </p>
            {request.publicReason && <p>Told the requester: {request.publicReason}</p>}
            {request.privateReason && <p>For the record: {request.privateReason}</p>}
            {request.changes && (
              <details>
                <summary>What it changed</summary>
                <pre className="mt-2 overflow-x-auto text-xs">{JSON.stringify(request.changes, null, 2)}</pre>
              </details>
            )}
          </div>
        ) : (
          <RemovalDecisionForm action={decideCase.bind(null, slug, request.id)} />
        )}
      </section>
    </main>
  );
}
