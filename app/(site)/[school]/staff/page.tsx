import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getStaffBox } from '@/lib/people/public';
import { getSchoolBySlug } from '@/lib/tenants';
import { schoolUrl } from '@/lib/tenants/urls';

type Props = { params: Promise<{ school: string }>; searchParams: Promise<{ year?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const school = await getSchoolBySlug((await params).school);
  return school ? { title: `Staff — ${school.newspaperName}`, alternates: { canonical: schoolUrl(school, '/staff') } } : {};
}

export default async function StaffPage({ params, searchParams }: Props) {
  const school = await getSchoolBySlug((await params).school);
  if (!school) notFound();
  const { years, year, staff } = await getStaffBox(school, (await searchParams).year);
  return (
    <main id="main" className="mx-auto max-w-3xl px-6 py-8">
      <h1 className="font-serif text-4xl font-bold">The staff of {school.newspaperName}</h1>
      <p className="mt-2 text-gray-700">School year {year}</p>
      <ul className="mt-6 divide-y divide-gray-200">
        {staff.map((member) => (
          <li key={member.slug} className="flex justify-between py-3">
            <Link className="font-semibold underline" href={`/${school.slug}/staff/${member.slug}`}>
              {member.name}
            </Link>
            <span className="text-gray-700">
              {member.title}
              {member.classYear ? ` · ${member.classYear}` : ''}
            </span>
          </li>
        ))}
      </ul>
      {years.length > 1 && (
        <nav aria-label="Past staffs" className="mt-8">
          <h2 className="font-sans text-sm font-bold uppercase tracking-wide">Other years</h2>
          <ul className="mt-2 flex flex-wrap gap-4">
            {years.map((other) => (
              <li key={other}>
                <Link className="underline" href={`/${school.slug}/staff?year=${other}`} aria-current={other === year ? 'page' : undefined}>
                  {other}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
    </main>
  );
}
