// The publish workflow as data: every action, the states it may be taken from, where it leads,
// who may take it and what it needs. The guards, the buttons the UI shows and the tests all read
// this one table.
import type { ArticleStatus } from '../generated/prisma/enums.ts';

/** Who may take an action, checked against the actor's role, authorship and the school's policy. */
export type ActorRule =
  | 'author' // has a byline on the article or started it
  | 'reviewer' // may review (editor in scope, adviser, admin) and is not an author
  | 'publisher' // the adviser or an admin; a student editor where the school lets students publish
  | 'adviser' // the adviser or an admin
  | 'author-or-editor'; // an author, or anyone who may edit every article in scope

/** What an action may require beside the decision: the request field that carries it, the prompt
 * the review screen shows, and the refusal when it is missing. */
export const ACTION_INPUTS = {
  comment: { field: 'comment', prompt: 'What needs to change?', missing: 'Say what needs to change.' },
  reason: { field: 'reason', prompt: 'Why is it being unpublished? (kept in the record)', missing: 'Give the reason for unpublishing; it stays in the record.' },
  note: { field: 'note', prompt: 'The correction, as readers will see it', missing: 'Write the correction as readers will see it.' },
  time: { field: 'scheduledFor', prompt: 'Publish at', missing: 'Choose when to publish.' },
} as const;

export type ActionInput = keyof typeof ACTION_INPUTS;

export interface ActionRule {
  label: string;
  from: readonly ArticleStatus[];
  to: ArticleStatus;
  /** Where the action leads when a live version exists (a pending edit of a published article). */
  toWhenLive?: ArticleStatus;
  who: ActorRule;
  /** The input the action must carry. */
  needs?: ActionInput;
}

export const WORKFLOW = {
  submit: { label: 'Submit for review', from: ['DRAFT', 'CHANGES_REQUESTED', 'PUBLISHED'], to: 'SUBMITTED', who: 'author' },
  withdraw: { label: 'Withdraw', from: ['SUBMITTED'], to: 'DRAFT', toWhenLive: 'PUBLISHED', who: 'author' },
  requestChanges: { label: 'Request changes', from: ['SUBMITTED', 'APPROVED', 'SCHEDULED'], to: 'CHANGES_REQUESTED', who: 'reviewer', needs: 'comment' },
  approve: { label: 'Approve', from: ['SUBMITTED'], to: 'APPROVED', who: 'reviewer' },
  schedule: { label: 'Schedule', from: ['APPROVED'], to: 'SCHEDULED', who: 'publisher', needs: 'time' },
  unschedule: { label: 'Unschedule', from: ['SCHEDULED'], to: 'APPROVED', who: 'publisher' },
  publish: { label: 'Publish now', from: ['APPROVED', 'SCHEDULED'], to: 'PUBLISHED', who: 'publisher' },
  correct: { label: 'Add a correction', from: ['PUBLISHED'], to: 'PUBLISHED', who: 'publisher', needs: 'note' },
  unpublish: { label: 'Unpublish', from: ['PUBLISHED'], to: 'UNPUBLISHED', who: 'adviser', needs: 'reason' },
  reopen: { label: 'Reopen as a draft', from: ['UNPUBLISHED'], to: 'DRAFT', who: 'author-or-editor' },
} as const satisfies Record<string, ActionRule>;

export type WorkflowAction = keyof typeof WORKFLOW;

/** The table entry of an action, widened to the rule's shape (optional fields included). */
export function ruleOf(action: WorkflowAction): ActionRule {
  return WORKFLOW[action];
}

/** Where an action leads: its target, or, for an article that already has a live version, the
 * target the table names for that case. */
export function targetOf(action: WorkflowAction, hasLiveVersion: boolean): ArticleStatus {
  const rule = ruleOf(action);
  return hasLiveVersion && rule.toWhenLive ? rule.toWhenLive : rule.to;
}
export const WORKFLOW_ACTIONS = Object.keys(WORKFLOW) as WorkflowAction[];

export const STATUS_LABELS: Record<ArticleStatus, string> = {
  DRAFT: 'Draft',
  SUBMITTED: 'Submitted for review',
  CHANGES_REQUESTED: 'Changes requested',
  APPROVED: 'Approved',
  SCHEDULED: 'Scheduled',
  PUBLISHED: 'Published',
  UNPUBLISHED: 'Unpublished',
};

/** Events that are not actions a person takes: the system's own entries in the history. */
export const SYSTEM_EVENTS = {
  voidApproval: 'approval voided by an edit',
  scheduledPublish: 'published on schedule',
} as const;
