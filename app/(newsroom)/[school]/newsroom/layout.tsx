import type { ReactNode } from 'react';
import Link from 'next/link';
import { requireNewsroomActor } from '@/lib/auth/session';
import { can, ROLE_LABELS } from '@/lib/auth';
import { unreadCount } from '@/lib/notifications';
import { SignOutButton } from '@/components/auth/SignOutButton';
import { signOutForm } from '@/app/signin/actions';

export const dynamic = 'force-dynamic';

export default async function NewsroomLayout({ children, params }: { children: ReactNode; params: Promise<{ school: string }> }) {
  const { school: slug } = await params;
  const { actor, school } = await requireNewsroomActor(slug, `/${slug}/newsroom`);
  const unread = await unreadCount(actor);
  return (
    <div>
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <header className="border-b border-gray-300 bg-gray-50">
        <div className="mx-auto flex max-w-6xl items-center justify-between px-6 py-3">
          <Link href={`/${school.slug}/newsroom`} className="font-serif text-xl font-bold">
            {school.newspaperName} newsroom
          </Link>
          <p className="text-sm text-gray-700">
            <Link className="underline" href={`/${school.slug}/newsroom/inbox`}>
              Inbox{unread > 0 ? ` (${unread} new)` : ''}
            </Link>{' '}
            {can(actor, 'members.manage') && (
              <>
                {' '}
                ·{' '}
                <Link className="underline" href={`/${school.slug}/newsroom/members`}>
                  Members
                </Link>
              </>
            )}
            {can(actor, 'school.settings') && (
              <>
                {' '}
                ·{' '}
                <Link className="underline" href={`/${school.slug}/newsroom/settings`}>
                  Settings
                </Link>
              </>
            )}{' '}
            · {actor.displayName} · {ROLE_LABELS[actor.role]} ·{' '}
            <Link className="underline" href={`/${school.slug}`}>
              Public site
            </Link>{' '}
            · <SignOutButton action={signOutForm} />
          </p>
        </div>
      </header>
      {children}
    </div>
  );
}
