import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireNewsroomActor } from '@/lib/auth/signed-in';
import { listRemovalRequests } from '@/lib/removals/cases';
import { OUTCOME_LABELS, REQUEST_KINDS } from '@/lib/removals/policy';
import { newsroomPath } from '@/lib/routes';
import { dateFormat } from '@/lib/dates';

export default async function RequestsPage({ params }: { params: Promise<{ school: string }> }) {
  const { school: slug } = await params;
  const { actor, school } = await requireNewsroomActor(slug, newsroomPath(slug, 'requests'));
  const listed = await listRemovalRequests(actor);
  if (!listed.ok) notFound();
  const day = dateFormat({ dateStyle: 'medium', timeZone: school.timeZone });
  return (
    <main id="main" className="mx-auto max-w-5xl px-6 py-8">
      <h1 className="text-2xl font-bold">Requests from readers</h1>
      <p className="mt-2 text-gray-800">Requests to correct, anonymize or remove a story, open ones first by deadline. Only confirmed requests are listed.</p>
      {listed.data.length === 0 ? (
        <p className="mt-6">No requests yet.</p>
      ) : (
        <table className="mt-6 w-full text-left text-sm">
          <thead>
            <tr className="border-b border-gray-300">
              <th className="py-2">Story</th>
              <th>Asked for</th>
              <th>From</th>
              <th>Status</th>
            </tr>
          </thead>
          <tbody>
            {listed.data.map((request) => (
              <tr key={request.id} className="border-b border-gray-200 align-top">
                <td className="py-2">
                  <Link className="underline" href={newsroomPath(slug, `requests/${request.id}`)}>
                    {request.article.headline || 'Untitled story'}
                  </Link>
                </td>
                <td>{REQUEST_KINDS[request.kind]}</td>
                <td>{request.requesterName}</td>
                <td>{request.status === 'DECIDED' ? OUTCOME_LABELS[request.outcome!] : `Open, answer by ${day.format(request.deadline!)}`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
