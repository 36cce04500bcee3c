import type { PublicByline } from '@/lib/articles/public';

// The byline block at the foot of a story, as student papers print it:
// "Student Reporter Andrew Choi", a contact line where allowed, and the one-line bio.
export function BylineBlock({ schoolSlug, bylines }: { schoolSlug: string; bylines: PublicByline[] }) {
  if (bylines.length === 0) return null;
  return (
    <section aria-label="About the authors" className="mt-12 border-t-2 border-gray-900 pt-6">
      {bylines.map((byline) => (
        <div key={`${byline.title}-${byline.name}`} className="byline mb-5">
          <p className="font-semibold">
            {byline.title} {byline.profileSlug ? <a href={`/${schoolSlug}/staff/${byline.profileSlug}`}>{byline.name}</a> : byline.name}
          </p>
          {byline.contactEmail && (
            <p>
              <a className="underline" href={`mailto:${byline.contactEmail}`}>
                {byline.contactEmail}
              </a>
            </p>
          )}
          {byline.bio && <p className="text-gray-700 italic">{byline.bio}</p>}
        </div>
      ))}
    </section>
  );
}
