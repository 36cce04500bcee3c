import Link from 'next/link';
import { requireNewsroomActor } from '@/lib/auth/signed-in';
import { listInbox, markInboxRead } from '@/lib/notifications';
import { newsroomPath } from '@/lib/routes';
import { dateFormat } from '@/lib/dates';

export default async function InboxPage({ params }: { params: Promise<{ school: string }> }) {
  const { school: slug } = await params;
  const { actor } = await requireNewsroomActor(slug, newsroomPath(slug, 'inbox'));
  const notices = await listInbox(actor);
  // Opening the inbox reads it; the unread markers below still show what was new.
  await markInboxRead(actor);
  const format = dateFormat({ dateStyle: 'medium', timeStyle: 'short' });
  return (
    <main id="main" className="mx-auto max-w-3xl px-6 py-8">
      <h1 className="text-2xl font-bold">Inbox</h1>
      {notices.length === 0 && <p className="mt-4 text-gray-700">Nothing yet. You will hear here when a story needs you.</p>}
      <ul className="mt-4 divide-y divide-gray-200">
        {notices.map((notice) => (
          <li key={notice.id} className="py-3">
            <p className={notice.readAt ? '' : 'font-semibold'}>
              {!notice.readAt && <span className="sr-only">New: </span>}
              {notice.articleId ? (
                <Link className="underline" href={newsroomPath(slug, `articles/${notice.articleId}`)}>
                  {notice.message}
                </Link>
              ) : (
                notice.message
              )}
            </p>
            <p className="text-sm text-gray-700">{format.format(notice.createdAt)}</p>
          </li>
        ))}
      </ul>
    </main>
  );
}
