import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { SubscribeForm } from '@/components/site/SubscribeForm';
import { NEWSLETTER_LISTS } from '@/lib/newsletters/lists';
import { getSchoolBySlug } from '@/lib/tenants';
import { signUp } from './actions';

type Props = { params: Promise<{ school: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const school = await getSchoolBySlug((await params).school);
  return school ? { title: `Newsletter — ${school.newspaperName}` } : {};
}

export default async function NewsletterPage({ params }: Props) {
  const school = await getSchoolBySlug((await params).school);
  if (!school) notFound();
  return (
    <main id="main" className="mx-auto max-w-xl px-6 py-8">
      <h1 className="font-serif text-3xl font-bold">{school.newspaperName} by e-mail</h1>
      <p className="mt-2 text-gray-800">The paper’s stories in your inbox. Your address is used for nothing else, shared with no one, and every message lets you leave in one click.</p>
      <SubscribeForm action={signUp.bind(null, school.slug)} lists={Object.entries(NEWSLETTER_LISTS).map(([value, list]) => ({ value, ...list }))} />
    </main>
  );
}
