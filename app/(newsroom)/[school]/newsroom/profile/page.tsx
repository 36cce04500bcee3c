import { ProfileForm } from '@/components/newsroom/ProfileForm';
import { requireNewsroomActor } from '@/lib/auth/signed-in';
import { CLASS_YEARS, bioLine, getOwnProfile } from '@/lib/people/profile';
import { askForErasure, saveProfile, signOutOnEveryDevice } from '../actions';
import { PageNotice, buttonClass, controlClass } from '@/components/ui';
import { newsroomPath } from '@/lib/routes';

export default async function ProfilePage({ params, searchParams }: { params: Promise<{ school: string }>; searchParams: Promise<{ notice?: string; error?: string }> }) {
  const { school: slug } = await params;
  const { notice, error } = await searchParams;
  const { actor, school } = await requireNewsroomActor(slug, newsroomPath(slug, 'profile'));
  const profile = await getOwnProfile(actor);
  return (
    <main id="main" className="mx-auto max-w-2xl px-6 py-8">
      <h1 className="text-2xl font-bold">Your profile at {school.newspaperName}</h1>
      <p className="mt-2 text-gray-700">This is what readers see under your bylines and on your staff page.</p>
      <ProfileForm
        action={saveProfile.bind(null, slug)}
        profile={profile}
        classYears={CLASS_YEARS}
        schoolAllowsEmails={school.allowContactEmails}
        bioPreview={bioLine(profile, school.nameDisplayPolicy, school.name)}
      />
      <section aria-labelledby="your-work" className="mt-12 border-t border-gray-300 pt-6">
        <h2 id="your-work" className="text-lg font-bold">
          Your work and your data
        </h2>
        <PageNotice notice={notice} error={error} />
        <p className="mt-2">
          <a className="underline" href={`/api/schools/${slug}/portfolio`} download>
            Download your portfolio
          </a>{' '}
          — every story of yours {school.newspaperName} published, in one file to keep or print.
        </p>
        <form action={askForErasure.bind(null, slug)} className="mt-4 space-y-2">
          <label className="block font-medium">
            Ask for your personal data to be erased (optional: why)
            <textarea name="reason" rows={2} className={controlClass.full} />
          </label>
          <p className="text-sm text-gray-700">
            The adviser decides. Erasing removes your name, bio and contact from this paper and ends your access; published stories stay, credited to a former staff member.
          </p>
          <button type="submit" className={buttonClass.secondary}>
            Ask for erasure
          </button>
        </form>
      </section>
      <section aria-labelledby="devices" className="mt-12 border-t border-gray-300 pt-6">
        <h2 id="devices" className="text-lg font-bold">
          Devices
        </h2>
        <p className="mt-1 text-gray-700">Signed in on a shared or lost computer? This signs you out everywhere, here included.</p>
        <form action={signOutOnEveryDevice.bind(null, slug)} className="mt-3">
          <button type="submit" className={buttonClass.secondary}>
            Sign out on every device
          </button>
        </form>
      </section>
    </main>
  );
}
