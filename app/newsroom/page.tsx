import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getSignedInUserId } from '@/lib/auth/signed-in';
import { ROLE_LABELS, schoolsOfUser } from '@/lib/auth';
import { newsroomPath } from '@/lib/routes';

export const dynamic = 'force-dynamic';

export default async function NewsroomChooserPage() {
  const userId = await getSignedInUserId();
  if (!userId) redirect('/signin?callbackUrl=/newsroom');
  const memberships = await schoolsOfUser(userId);
  const schools = memberships.filter((membership) => !membership.alumni);
  const graduated = memberships.filter((membership) => membership.alumni);
  if (schools.length === 1 && graduated.length === 0) redirect(newsroomPath(schools[0]!.slug));
  return (
    <main id="main" className="mx-auto max-w-2xl px-6 py-16">
      <h1 className="font-serif text-3xl font-bold">Your newsrooms</h1>
      {memberships.length === 0 && <p className="mt-6">You are not a member of any school yet. Ask your adviser for an invitation.</p>}
      <ul className="mt-6 space-y-3">
        {schools.map((school) => (
          <li key={school.slug}>
            <Link className="text-lg font-semibold underline" href={newsroomPath(school.slug)}>
              {school.newspaperName}
            </Link>{' '}
            <span className="text-gray-600">
              {school.name} · {ROLE_LABELS[school.role]}
            </span>
          </li>
        ))}
      </ul>
      {graduated.length > 0 && (
        <section aria-labelledby="alumni" className="mt-10">
          <h2 id="alumni" className="text-xl font-bold">
            Papers you wrote for
          </h2>
          <ul className="mt-3 space-y-2">
            {graduated.map((school) => (
              <li key={school.slug}>
                {school.newspaperName} ·{' '}
                <a className="underline" href={`/api/schools/${school.slug}/portfolio`} download>
                  Download your portfolio
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
    </main>
  );
}
