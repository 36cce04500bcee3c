import { ProfileForm } from '@/components/newsroom/ProfileForm';
import { requireNewsroomActor } from '@/lib/auth/session';
import { CLASS_YEARS, bioLine, getOwnProfile } from '@/lib/people/profile';
import { saveProfile, signOutOnEveryDevice } from '../actions';

export default async function ProfilePage({ params }: { params: Promise<{ school: string }> }) {
  const { school: slug } = await params;
  const { actor, school } = await requireNewsroomActor(slug, `/${slug}/newsroom/profile`);
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
      <section aria-labelledby="devices" className="mt-12 border-t border-gray-300 pt-6">
        <h2 id="devices" className="text-lg font-bold">Devices</h2>
        <p className="mt-1 text-gray-700">Signed in on a shared or lost computer? This signs you out everywhere, here included.</p>
        <form action={signOutOnEveryDevice.bind(null, slug)} className="mt-3">
          <button type="submit" className="rounded border border-gray-900 px-4 py-2 font-semibold">Sign out on every device</button>
        </form>
      </section>
    </main>
  );
}
