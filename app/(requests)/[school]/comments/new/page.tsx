import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ReaderCommentForm } from '@/components/site/ReaderCommentForm';
import { ErrorBox } from '@/components/ui';
import { COMMENT_MAX_LENGTH, storyOpenForComments } from '@/lib/reader-comments/comments';
import { COMMENTER_NAME_POLICIES } from '@/lib/reader-comments/policy';
import { queryParams } from '@/lib/result';
import { getSchoolBySlug } from '@/lib/tenants';
import { writeComment } from '../actions';

type Props = { params: Promise<{ school: string }>; searchParams: Promise<Record<string, unknown>> };

export const metadata: Metadata = { title: 'Write a comment', robots: { index: false } };

export default async function NewCommentPage({ params, searchParams }: Props) {
  const school = await getSchoolBySlug((await params).school);
  if (!school) notFound();
  const { story = '' } = queryParams(await searchParams);
  const open = await storyOpenForComments(school, story.slice(0, 300));
  return (
    <main id="main" className="mx-auto max-w-xl px-6 py-8">
      <h1 className="font-serif text-3xl font-bold">Write a comment</h1>
      {open.ok ? (
        <>
          <p className="mt-2 text-gray-800">
            On{' '}
            <Link className="underline" href={`/${school.slug}/articles/${open.data.slug}`}>
              {open.data.headline}
            </Link>
            . The editors of {school.newspaperName} read every comment before it appears; be kind, and stay on the story.
          </p>
          <ReaderCommentForm action={writeComment.bind(null, school.slug)} story={open.data.slug} nameRule={COMMENTER_NAME_POLICIES[school.commenterNamePolicy].rule} maxLength={COMMENT_MAX_LENGTH} />
        </>
      ) : (
        <ErrorBox>{open.error}</ErrorBox>
      )}
    </main>
  );
}
