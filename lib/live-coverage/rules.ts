// Who may do what in live coverage: the one place the newsroom's buttons and the data functions
// both ask. Anyone in the newsroom may write an update; it reaches readers at once only when its
// writer may publish the story itself (the workflow's publisher rule, under the school's review
// policy) or is on the school's live desk, which the adviser keeps. Everyone else's update waits
// for one of them. Opening and closing a story's coverage is an editor's call.
import { can, type Actor } from '../auth/actor.ts';
import { inSectionScope } from '../articles/access.ts';
import { permits, type PolicyArticle, type PolicySchool } from '../workflow/policy.ts';

export const LIVE_UPDATE_MAX_CHARACTERS = 2000;

/** The story's history entries for live coverage, by action: what the newsroom reads. */
export const LIVE_EVENTS = {
  'live-started': 'started live coverage',
  'live-ended': 'ended live coverage',
  'live-update-posted': 'posted a live update',
  'live-update-submitted': 'sent a live update for review',
  'live-update-published': 'published a live update',
  'live-update-withdrawn': 'withdrew a live update',
} as const;
export type LiveEvent = keyof typeof LIVE_EVENTS;

export interface LiveCoverageState {
  liveStartedAt: Date | null;
  liveEndedAt: Date | null;
}

export function isLiveNow(article: LiveCoverageState): boolean {
  return article.liveStartedAt !== null && article.liveEndedAt === null;
}

/** Starting or ending a story's live coverage: an editor in scope, the adviser or an admin. */
export function mayRunLiveCoverage(actor: Actor, article: { sectionId: string | null }): boolean {
  return can(actor, 'article.review') && inSectionScope(actor, article);
}
export const RUN_LIVE_COVERAGE_REFUSAL = 'Only an editor or the adviser may start or end live coverage.';

/** Whether this member's updates reach readers without anyone else's review, and whether they
 * may publish or withdraw other people's. */
export function publishesLiveUpdates(actor: Actor, onLiveDesk: boolean, article: PolicyArticle, school: PolicySchool): boolean {
  return onLiveDesk || permits('publish', actor, article, school).allowed;
}
export const PUBLISH_LIVE_UPDATE_REFUSAL = 'Only members of the live desk, or those who may publish the story, may publish or withdraw live updates.';
