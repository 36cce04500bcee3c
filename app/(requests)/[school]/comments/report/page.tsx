import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ReportCommentForm } from '@/components/site/ReaderCommentForm';
import { queryParams } from '@/lib/result';
import { getSchoolBySlug } from '@/lib/tenants';
import { reportReaderComment } from '../actions';

type Props = { params: Promise<{ school: string }>; searchParams: Promise<Record<string, unknown>> };

export const metadata: Metadata = { title: 'Report a comment', robots: { index: false } };

export default async function ReportCommentPage({ params, searchParams }: Props) {
  const school = await getSchoolBySlug((await params).school);
  if (!school) notFound();
  const { comment = '' } = queryParams(await searchParams);
  return (
    <main id="main" className="mx-auto max-w-xl px-6 py-8">
      <h1 className="font-serif text-3xl font-bold">Report a comment</h1>
      <p className="mt-2 text-gray-800">The editors of {school.newspaperName} will read the comment again. It stays up until they decide.</p>
      <ReportCommentForm action={reportReaderComment.bind(null, school.slug, comment.slice(0, 64))} />
    </main>
  );
}
