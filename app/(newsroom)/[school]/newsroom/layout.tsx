import type { ReactNode } from 'react';
import Link from 'next/link';
import { SignOutButton } from '@/components/auth/SignOutButton';
import { NewsroomNav } from '@/components/newsroom/NewsroomNav';
import { signOutForm } from '@/app/signin/actions';
import { ROLE_LABELS } from '@/lib/auth';
import { requireNewsroomActor } from '@/lib/auth/signed-in';
import { newsroomNavigation } from '@/lib/newsroom/navigation';
import { unreadCount } from '@/lib/notifications';
import { newsroomPath } from '@/lib/routes';

export const dynamic = 'force-dynamic';

export default async function NewsroomLayout({ children, params }: { children: ReactNode; params: Promise<{ school: string }> }) {
  const { school: slug } = await params;
  const { actor, school } = await requireNewsroomActor(slug, newsroomPath(slug));
  const unread = await unreadCount(actor);
  return (
    <div>
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <header className="border-b border-gray-300 bg-gray-50">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-x-6 gap-y-1 px-4 py-3 sm:px-6">
          <Link href={newsroomPath(school.slug)} className="font-serif text-xl font-bold">
            {school.newspaperName} newsroom
          </Link>
          {/* A div, not a p: the sign-out form may not sit in a paragraph, and a browser that
              moves it out breaks hydration, which re-creates every client component of the page
              (the editor with it, mid-sentence). */}
          <div className="text-sm text-gray-700">
            {actor.displayName} · {ROLE_LABELS[actor.role]} ·{' '}
            <Link className="underline" href={`/${school.slug}`}>
              Public site
            </Link>{' '}
            · <SignOutButton action={signOutForm} />
          </div>
        </div>
      </header>
      <NewsroomNav links={newsroomNavigation(actor, unread)} />
      {children}
    </div>
  );
}
