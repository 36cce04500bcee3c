// The newsroom's navigation, by role: one list that the shell shows on every newsroom page. An
// entry a role may not use is not shown (the page itself still refuses it: a hidden link is a
// courtesy, not the check).
import type { Actor } from '../auth/actor.ts';
import { can } from '../auth/actor.ts';
import type { NewsroomLink } from './links.ts';
import { newsroomPath } from '../routes.ts';

export function newsroomNavigation(actor: Actor, unread: number): NewsroomLink[] {
  const base = newsroomPath(actor.schoolSlug);
  const links: (NewsroomLink | false)[] = [
    { label: 'Story budget', href: base, match: { path: base } },
    { label: 'My stories', href: `${base}?person=${actor.membershipId}`, match: { path: base, query: { person: actor.membershipId } } },
    { label: 'Waiting for me', href: `${base}?waiting=me`, match: { path: base, query: { waiting: 'me' } } },
    { label: 'Issues', href: `${base}/issues`, match: { path: `${base}/issues` } },
    { label: 'Media library', href: `${base}/library`, match: { path: `${base}/library` } },
    can(actor, 'sports.manage') && { label: 'Sports', href: `${base}/sports`, match: { path: `${base}/sports` } },
    { label: 'Import a file', href: `${base}/import`, match: { path: `${base}/import` } },
    { label: unread > 0 ? `Inbox (${unread} new)` : 'Inbox', href: `${base}/inbox`, match: { path: `${base}/inbox` } },
    { label: 'Audience', href: `${base}/audience`, match: { path: `${base}/audience` } },
    can(actor, 'comments.moderate') && { label: 'Comments', href: `${base}/comments`, match: { path: `${base}/comments` } },
    can(actor, 'newsletter.send') && { label: 'Newsletter', href: `${base}/newsletter`, match: { path: `${base}/newsletter` } },
    can(actor, 'removals.handle') && { label: 'Requests', href: `${base}/requests`, match: { path: `${base}/requests` } },
    can(actor, 'members.manage') && { label: 'Members', href: `${base}/members`, match: { path: `${base}/members` } },
    can(actor, 'school.settings') && { label: 'Settings', href: `${base}/settings`, match: { path: `${base}/settings` } },
    { label: 'Your profile', href: `${base}/profile`, match: { path: `${base}/profile` } },
  ];
  return links.filter((link): link is NewsroomLink => link !== false);
}
