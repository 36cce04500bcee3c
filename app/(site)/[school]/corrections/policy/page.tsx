import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { removalPolicyOf } from '@/lib/removals/school-policy';
import { getSchoolBySlug } from '@/lib/tenants';

type Params = { params: Promise<{ school: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const school = await getSchoolBySlug((await params).school);
  return school ? { title: `Corrections and removals — ${school.newspaperName}` } : {};
}

export default async function RemovalPolicyPage({ params }: Params) {
  const school = await getSchoolBySlug((await params).school);
  if (!school) notFound();
  const policy = await removalPolicyOf(school);
  return (
    <main id="main" className="mx-auto max-w-2xl px-6 py-8">
      <h1 className="font-serif text-3xl font-bold">How we decide on corrections and removals</h1>
      <div className="mt-4 space-y-4 font-serif text-lg">
        {policy.split(/\n{2,}/).map((paragraph, index) => (
          <p key={index}>{paragraph}</p>
        ))}
      </div>
      <p className="mt-8">
        <a className="underline" href={`/${school.slug}/requests/new`}>
          Request a correction or removal
        </a>
      </p>
    </main>
  );
}
