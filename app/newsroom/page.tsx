import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getSignedInUserId } from '@/lib/auth/session';
import { ROLE_LABELS, schoolsOfUser } from '@/lib/auth';

export const dynamic = 'force-dynamic';

export default async function NewsroomChooserPage() {
  const userId = await getSignedInUserId();
  if (!userId) redirect('/signin?callbackUrl=/newsroom');
  const schools = await schoolsOfUser(userId);
  if (schools.length === 1) redirect(`/${schools[0]!.slug}/newsroom`);
  return (
    <main id="main" className="mx-auto max-w-2xl px-6 py-16">
      <h1 className="font-serif text-3xl font-bold">Your newsrooms</h1>
      {schools.length === 0 && <p className="mt-6">You are not a member of any school yet. Ask your adviser for an invitation.</p>}
      <ul className="mt-6 space-y-3">
        {schools.map((school) => (
          <li key={school.slug}>
            <Link className="text-lg font-semibold underline" href={`/${school.slug}/newsroom`}>
              {school.newspaperName}
            </Link>{' '}
            <span className="text-gray-600">
              {school.name} · {ROLE_LABELS[school.role]}
            </span>
          </li>
        ))}
      </ul>
    </main>
  );
}
