import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { NewSchoolForm } from '@/components/admin/NewSchoolForm';
import { getSignedInUserId } from '@/lib/auth/signed-in';
import { listSchools } from '@/lib/tenants';
import { isPlatformAdmin } from '@/lib/tenants/create-school';
import { addSchool } from './actions';

export const metadata: Metadata = { title: 'Schools — Masthead', robots: { index: false } };
export const dynamic = 'force-dynamic';

// The platform's own page: only platform admins see it; to everyone else it does not exist.
export default async function AdminPage() {
  const userId = await getSignedInUserId();
  if (!userId) redirect('/signin?callbackUrl=/admin');
  if (!(await isPlatformAdmin(userId))) notFound();
  const schools = await listSchools();
  return (
    <main id="main" className="mx-auto max-w-3xl space-y-8 px-6 py-10">
      <h1 className="font-serif text-3xl font-bold">Schools on this Masthead</h1>
      <ul className="list-disc pl-6">
        {schools.map((school) => (
          <li key={school.slug}>
            {school.newspaperName} — {school.name} (/{school.slug})
          </li>
        ))}
      </ul>
      <NewSchoolForm action={addSchool} />
    </main>
  );
}
