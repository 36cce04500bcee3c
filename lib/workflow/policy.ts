// Who may take a workflow action on one article, under the school's review policy. Pure: the
// transition function loads what it needs and asks here; the review screen asks here to decide
// which buttons to show.
import type { Actor } from '../auth/actor.ts';
import { can } from '../auth/actor.ts';
import { inSectionScope, isAuthor } from '../articles/access.ts';
import type { ReviewPolicy, Role } from '../generated/prisma/enums.ts';
import { ruleOf, WORKFLOW, type ActionInput, type ActorRule, type WorkflowAction } from './table.ts';

export const CHAIN_STEPS = ['SECTION_EDITOR', 'EDITOR_IN_CHIEF', 'EDITOR', 'ADVISER'] as const;
export type ChainStep = (typeof CHAIN_STEPS)[number];

export const CHAIN_STEP_LABELS: Record<ChainStep, string> = {
  SECTION_EDITOR: 'the section editor',
  EDITOR_IN_CHIEF: 'the editor-in-chief',
  EDITOR: 'a student editor',
  ADVISER: 'the adviser',
};

export interface PolicySchool {
  reviewPolicy: ReviewPolicy;
  reviewChain: string[];
  studentsMayPublish: boolean;
}

export interface PolicyArticle {
  createdById: string | null;
  sectionId: string | null;
  bylines: { membershipId: string | null }[];
}

const isAdviser = (role: Role) => role === 'ADVISER' || role === 'SCHOOL_ADMIN';

function fitsStep(actor: Actor, article: PolicyArticle, step: ChainStep): boolean {
  if (step === 'ADVISER') return isAdviser(actor.role);
  if (actor.role !== 'EDITOR') return false;
  if (step === 'SECTION_EDITOR') return actor.sectionId !== null && actor.sectionId === article.sectionId;
  if (step === 'EDITOR_IN_CHIEF') return actor.sectionId === null;
  return inSectionScope(actor, article);
}

export function reviewChainOf(school: PolicySchool): ChainStep[] {
  const chain = school.reviewChain.filter((step): step is ChainStep => (CHAIN_STEPS as readonly string[]).includes(step));
  // Under prior review the adviser always has the last word, whatever the chain lists before.
  if (chain.length > 0 && school.reviewPolicy === 'ADVISER_APPROVAL' && chain[chain.length - 1] !== 'ADVISER') chain.push('ADVISER');
  return chain;
}

/** Whose approval the article waits for next, given the approvals since it was submitted. */
export function nextApprovalStep(school: PolicySchool, approvalsSoFar: number): ChainStep | null {
  const chain = reviewChainOf(school);
  if (chain.length > 0) return chain[approvalsSoFar] ?? null;
  return school.reviewPolicy === 'ADVISER_APPROVAL' ? 'ADVISER' : null;
}

function mayPublish(actor: Actor, article: PolicyArticle, school: PolicySchool): boolean {
  if (isAdviser(actor.role)) return true;
  return actor.role === 'EDITOR' && inSectionScope(actor, article) && (school.studentsMayPublish || school.reviewPolicy === 'STUDENT_EDITORS_DECIDE');
}

function fitsRule(rule: ActorRule, actor: Actor, article: PolicyArticle, school: PolicySchool): boolean {
  const author = isAuthor(actor, { createdById: article.createdById, bylines: article.bylines });
  switch (rule) {
    case 'author':
      return author;
    case 'reviewer':
      // Nobody reviews their own story.
      return !author && can(actor, 'article.review') && inSectionScope(actor, article);
    case 'publisher':
      return mayPublish(actor, article, school);
    case 'adviser':
      return isAdviser(actor.role);
    case 'author-or-editor':
      return author || (can(actor, 'article.editAny') && inSectionScope(actor, article));
  }
}

export type Verdict = { allowed: true } | { allowed: false; why: string };

const DENIALS: Record<ActorRule, string> = {
  author: 'Only the article’s authors may do that.',
  reviewer: 'Only an editor or adviser who is not one of its authors may review this article.',
  publisher: 'Only the adviser (or a student editor, where the school allows it) may publish.',
  adviser: 'Only the adviser or a school admin may do that.',
  'author-or-editor': 'Only the article’s authors or an editor may do that.',
};

/** Whether this actor may take the action, role and policy only (the state is checked apart). */
export function permits(action: WorkflowAction, actor: Actor, article: PolicyArticle, school: PolicySchool, approvalsSoFar = 0): Verdict {
  const rule = WORKFLOW[action].who;
  if (!fitsRule(rule, actor, article, school)) return { allowed: false, why: DENIALS[rule] };
  if (action === 'approve') {
    const step = nextApprovalStep(school, approvalsSoFar);
    if (step && !fitsStep(actor, article, step)) return { allowed: false, why: `This article is waiting for approval by ${CHAIN_STEP_LABELS[step]}.` };
  }
  return { allowed: true };
}

export interface AvailableAction {
  action: WorkflowAction;
  label: string;
  needs: ActionInput | null;
}

/** The actions this actor may take on the article in its current state: the buttons to show. */
export function availableActions(actor: Actor, article: PolicyArticle & { status: string }, school: PolicySchool, approvalsSoFar: number): AvailableAction[] {
  return (Object.keys(WORKFLOW) as WorkflowAction[])
    .filter((action) => (WORKFLOW[action].from as readonly string[]).includes(article.status) && permits(action, actor, article, school, approvalsSoFar).allowed)
    .map((action) => ({ action, label: WORKFLOW[action].label, needs: ruleOf(action).needs ?? null }));
}
