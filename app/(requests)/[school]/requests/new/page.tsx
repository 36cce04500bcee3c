import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { RemovalRequestForm } from '@/components/site/RemovalRequestForm';
import { queryParams } from '@/lib/result';
import { getSchoolBySlug } from '@/lib/tenants';
import { fileRemovalRequest } from '../actions';

type Props = { params: Promise<{ school: string }>; searchParams: Promise<Record<string, unknown>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const school = await getSchoolBySlug((await params).school);
  return school ? { title: `Request a correction or removal — ${school.newspaperName}`, robots: { index: false } } : {};
}

export default async function NewRequestPage({ params, searchParams }: Props) {
  const school = await getSchoolBySlug((await params).school);
  if (!school) notFound();
  const { story = '' } = queryParams(await searchParams);
  return (
    <main id="main" className="mx-auto max-w-xl px-6 py-8">
      <h1 className="font-serif text-3xl font-bold">Request a correction or removal</h1>
      <p className="mt-2 text-gray-800">
        Tell the editors of {school.newspaperName} what a story gets wrong, or why a name or the story should come down. Read{' '}
        <Link className="underline" href={`/${school.slug}/corrections/policy`}>
          how we decide
        </Link>{' '}
        first.
      </p>
      <RemovalRequestForm action={fileRemovalRequest.bind(null, school.slug)} story={story.slice(0, 200)} />
    </main>
  );
}
