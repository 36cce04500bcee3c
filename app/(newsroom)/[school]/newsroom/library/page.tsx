import { notFound } from 'next/navigation';
import { MediaLibraryItem } from '@/components/newsroom/MediaLibraryItem';
import { ErrorBox, Options, Pager, buttonClass, controlClass } from '@/components/ui';
import { requireNewsroomActor } from '@/lib/auth/signed-in';
import { LIBRARY_KINDS, USAGE_RIGHTS, searchMediaLibrary } from '@/lib/media/library';
import { newsroomPath } from '@/lib/routes';
import { saveMediaDetails } from './actions';

type Search = { q?: string; kind?: string; rights?: string; page?: string };

const KINDS = [{ value: '', label: 'Everything' }, ...Object.entries(LIBRARY_KINDS).map(([value, label]) => ({ value, label }))];
const RIGHTS = [{ value: '', label: 'Any rights' }, ...Object.entries(USAGE_RIGHTS).map(([value, right]) => ({ value, label: right.label }))];

export default async function MediaLibraryPage({ params, searchParams }: { params: Promise<{ school: string }>; searchParams: Promise<Search> }) {
  const { school: slug } = await params;
  const { actor, school } = await requireNewsroomActor(slug, newsroomPath(slug, 'library'));
  const search = await searchParams;
  // An empty choice in the form means "any": the search leaves it out.
  const query = Object.fromEntries(Object.entries(search).filter(([, value]) => typeof value === 'string' && value !== ''));
  const found = await searchMediaLibrary(actor, query);
  if (!found.ok && found.status === 404) notFound();
  const href = (page: number) => `${newsroomPath(slug, 'library')}?${new URLSearchParams({ ...query, page: String(page) })}`;
  return (
    <main id="main" className="mx-auto max-w-6xl px-6 py-8">
      <h1 className="text-2xl font-bold">Media library</h1>
      <p className="mt-1 text-gray-700">Every photo, recording and video uploaded to {school.newspaperName}. Use one again from the editor’s “From the library”.</p>
      <form role="search" className="mt-4 flex flex-wrap items-end gap-3" action={newsroomPath(slug, 'library')}>
        <label className="font-medium">
          Search captions, credits, alt text, file names and uploaders
          <input type="search" name="q" defaultValue={search.q ?? ''} className={`ml-2 ${controlClass.inline}`} />
        </label>
        <label>
          Kind
          <select name="kind" defaultValue={search.kind ?? ''} className={`ml-2 ${controlClass.inline}`}>
            <Options items={KINDS} value={(kind) => kind.value} label={(kind) => kind.label} />
          </select>
        </label>
        <label>
          Rights
          <select name="rights" defaultValue={search.rights ?? ''} className={`ml-2 ${controlClass.inline}`}>
            <Options items={RIGHTS} value={(right) => right.value} label={(right) => right.label} />
          </select>
        </label>
        <button className={buttonClass.small}>Search</button>
      </form>
      {!found.ok ? (
        <ErrorBox className="mt-6">{found.fieldErrors ? Object.values(found.fieldErrors).join(' ') : found.error}</ErrorBox>
      ) : (
        <>
          <p className="mt-6 text-sm text-gray-700" role="status">
            {found.data.total === 1 ? '1 upload' : `${found.data.total.toLocaleString('en-US')} uploads`}
            {search.q ? ` match “${search.q}”` : ''}
          </p>
          <ul className="mt-3 grid gap-4 sm:grid-cols-2 lg:grid-cols-4" aria-label="Uploads, newest first">
            {found.data.items.map((item) => (
              <MediaLibraryItem key={item.id} item={item} timeZone={school.timeZone} save={saveMediaDetails.bind(null, slug, item.id)} />
            ))}
          </ul>
          <Pager page={found.data.page} pages={found.data.pages} href={href} newer="Newer uploads" older="Older uploads" />
        </>
      )}
    </main>
  );
}
