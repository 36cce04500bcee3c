import { ImportForm } from '@/components/newsroom/ImportForm';
import { requireNewsroomActor } from '@/lib/auth/signed-in';
import { newsroomPath } from '@/lib/routes';

export default async function ImportPage({ params }: { params: Promise<{ school: string }> }) {
  const { school: slug } = await params;
  await requireNewsroomActor(slug, newsroomPath(slug, 'import'));
  return (
    <main id="main" className="mx-auto max-w-2xl px-6 py-8">
      <h1 className="text-2xl font-bold">Import a story</h1>
      <p className="mt-2 text-gray-700">
        Start an article from a Word document (.docx, also what Google Docs downloads) or a plain-text file. Subheads, quotes, lists and links come along; a byline block at the end (“&lt;Student
        Reporter Your Name&gt;”) becomes the article’s byline.
      </p>
      <ImportForm schoolSlug={slug} />
    </main>
  );
}
