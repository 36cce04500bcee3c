import { AssignmentList } from '@/components/newsroom/AssignmentList';
import { BoardFilterForm } from '@/components/newsroom/BoardFilterForm';
import { StoryBoard } from '@/components/newsroom/StoryBoard';
import { can } from '@/lib/auth';
import { requireNewsroomActor } from '@/lib/auth/signed-in';
import { listAssignments, loadBoard } from '@/lib/workflow';
import { assign, pitch, startArticle, startAssignment } from './actions';
import { PageNotice, buttonClass } from '@/components/ui';
import { newsroomPath } from '@/lib/routes';

type Props = { params: Promise<{ school: string }>; searchParams: Promise<Record<string, string | undefined>> };

export default async function NewsroomBoardPage({ params, searchParams }: Props) {
  const { school: slug } = await params;
  const query = await searchParams;
  const { actor } = await requireNewsroomActor(slug, newsroomPath(slug));
  const [board, assignments] = await Promise.all([loadBoard(actor, query), listAssignments(actor)]);
  return (
    <main id="main" className="mx-auto max-w-7xl px-6 py-8">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">Story budget</h1>
        <div className="flex items-center gap-4">
          <p className="text-sm text-gray-700">{board.waitingCount === 1 ? '1 story is waiting for you' : `${board.waitingCount} stories are waiting for you`}</p>
          <form action={startArticle.bind(null, slug)}>
            <button type="submit" className={buttonClass.primary}>
              New article
            </button>
          </form>
        </div>
      </div>
      <PageNotice error={query.error} />
      <BoardFilterForm filters={board.filters} sections={board.sections} staff={board.staff} editions={board.editions} />
      <StoryBoard schoolSlug={slug} columns={board.columns} />
      <AssignmentList
        actions={{ pitch: pitch.bind(null, slug), assign: assign.bind(null, slug), startAssignment: startAssignment.bind(null, slug) }}
        assignments={assignments}
        sections={board.sections}
        staff={board.staff}
        mayAssign={can(actor, 'article.review')}
      />
    </main>
  );
}
