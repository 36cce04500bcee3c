import Link from 'next/link';
import { CreateIssueForm } from '@/components/newsroom/CreateIssueForm';
import { Pager } from '@/components/ui';
import { can } from '@/lib/auth';
import { requireNewsroomActor } from '@/lib/auth/signed-in';
import { listNewsroomEditions } from '@/lib/editions';
import { createIssue } from './actions';
import { editionLabel } from '@/lib/editions/label';
import { pageNumber } from '@/lib/paging';
import { newsroomPath } from '@/lib/routes';
import { dateFormat } from '@/lib/dates';

export default async function IssuesPage({ params, searchParams }: { params: Promise<{ school: string }>; searchParams: Promise<{ page?: string }> }) {
  const { school: slug } = await params;
  const { actor } = await requireNewsroomActor(slug, newsroomPath(slug, 'issues'));
  const page = pageNumber((await searchParams).page);
  const { editions, pages } = await listNewsroomEditions(actor, page);
  const date = dateFormat({ dateStyle: 'medium', timeZone: 'UTC' });
  return (
    <main id="main" className="mx-auto max-w-3xl px-6 py-8">
      <h1 className="text-2xl font-bold">Issues</h1>
      <ul className="mt-4 divide-y divide-gray-200">
        {editions.map((edition) => (
          <li key={edition.id} className="flex justify-between py-2">
            <Link className="underline" href={newsroomPath(slug, `issues/${edition.id}`)}>
              {editionLabel(edition)}
              {edition.title ? ` — ${edition.title}` : ''}
            </Link>
            <span className="text-sm text-gray-700">
              {date.format(edition.issueDate)} · {edition._count.items} articles · {edition.status === 'PUBLISHED' ? 'published' : 'in preparation'}
            </span>
          </li>
        ))}
      </ul>
      <Pager page={page} pages={pages} href={(to) => `${newsroomPath(slug, 'issues')}?page=${to}`} newer="Newer issues" older="Older issues" />
      {can(actor, 'edition.manage') && <CreateIssueForm action={createIssue.bind(null, slug)} />}
    </main>
  );
}
