import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ConfirmTokenForm } from '@/components/site/ConfirmTokenForm';
import { queryParams } from '@/lib/result';
import { getSchoolBySlug } from '@/lib/tenants';
import { confirmFiledRequest } from '../actions';

type Props = { params: Promise<{ school: string }>; searchParams: Promise<Record<string, unknown>> };

export const metadata: Metadata = { title: 'Confirm your request', robots: { index: false } };

export default async function ConfirmRequestPage({ params, searchParams }: Props) {
  const school = await getSchoolBySlug((await params).school);
  if (!school) notFound();
  const { token = '' } = queryParams(await searchParams);
  return (
    <main id="main" className="mx-auto max-w-xl px-6 py-8">
      <h1 className="font-serif text-3xl font-bold">Confirm your request to {school.newspaperName}</h1>
      <p className="mt-2 text-gray-800">Your request reaches the editors once you confirm it.</p>
      <ConfirmTokenForm action={confirmFiledRequest.bind(null, school.slug)} token={token.slice(0, 200)} label="Confirm my request" />
    </main>
  );
}
