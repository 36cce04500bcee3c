export { createDraft, saveDraft, restoreRevision, draftSnapshot, SaveDraftInput, HEADLINE_HARD_LIMIT, type DraftSnapshot, type SavedDraft, type SaveResult } from './drafts.ts';
export { listRevisions, getRevisions, COALESCE_WINDOW_MS } from './revisions.ts';
export { compareBlocks, compareText, type ComparedBlock, type Segment } from './revision-diff.ts';
export { BYLINE_TITLES, BylineInput, type BylineEntry } from './bylines.ts';
export { loadEditableArticle, mayEdit, isAuthor } from './access.ts';
