import Link from 'next/link';
import { listSchools } from '@/lib/tenants';

export const dynamic = 'force-dynamic';

export default async function PlatformHomePage() {
  const schools = await listSchools();
  return (
    <main id="main" className="mx-auto max-w-2xl px-6 py-16">
      <h1 className="font-serif text-4xl font-bold">Masthead</h1>
      <p className="mt-2 text-lg text-gray-700">Student newspapers on Masthead</p>
      <ul className="mt-8 space-y-3">
        {schools.map((school) => (
          <li key={school.slug}>
            <Link className="text-xl font-semibold underline" href={`/${school.slug}`}>
              {school.newspaperName}
            </Link>{' '}
            <span className="text-gray-600">— {school.name}</span>
          </li>
        ))}
      </ul>
      <p className="mt-10">
        <Link className="underline" href="/signin">
          Sign in to your newsroom
        </Link>
      </p>
    </main>
  );
}
