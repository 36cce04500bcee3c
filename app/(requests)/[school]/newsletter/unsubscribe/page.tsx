import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ConfirmTokenForm } from '@/components/site/ConfirmTokenForm';
import { queryParams } from '@/lib/result';
import { getSchoolBySlug } from '@/lib/tenants';
import { leave } from '../actions';

type Props = { params: Promise<{ school: string }>; searchParams: Promise<Record<string, unknown>> };

export const metadata: Metadata = { title: 'Unsubscribe', robots: { index: false } };

export default async function NewsletterTokenPage({ params, searchParams }: Props) {
  const school = await getSchoolBySlug((await params).school);
  if (!school) notFound();
  const { token = '' } = queryParams(await searchParams);
  return (
    <main id="main" className="mx-auto max-w-xl px-6 py-8">
      <h1 className="font-serif text-3xl font-bold">Unsubscribe — {school.newspaperName}</h1>
      <p className="mt-2 text-gray-800">One click, and this address receives no more newsletters from the paper.</p>
      <ConfirmTokenForm action={leave.bind(null, school.slug)} token={token.slice(0, 200)} label="Unsubscribe" />
    </main>
  );
}
