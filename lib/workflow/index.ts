export { WORKFLOW, WORKFLOW_ACTIONS, STATUS_LABELS, type WorkflowAction } from './table.ts';
export { transition, TransitionInput, approvalsInRound, type TransitionDone } from './transitions.ts';
export { permits, nextApprovalStep, reviewChainOf, CHAIN_STEPS, CHAIN_STEP_LABELS } from './policy.ts';
export { checklistErrors, Checklist, CHECKLIST_LABELS } from './checklist.ts';
export { publishDueArticles, startPublishScheduler } from './scheduler.ts';
