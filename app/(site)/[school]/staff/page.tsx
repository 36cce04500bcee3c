import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PeriodLinks } from '@/components/site/PeriodLinks';
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
            <a className="font-semibold underline" href={`/${school.slug}/staff/${member.slug}`}>
              {member.name}
            </a>
            <span className="text-gray-700">
              {member.title}
              {member.classYear ? ` · ${member.classYear}` : ''}
            </span>
          </li>
        ))}
      </ul>
      <PeriodLinks label="Past staffs" heading="Other years" periods={years} current={year} href={(other) => `/${school.slug}/staff?year=${other}`} />
    </main>
  );
}
