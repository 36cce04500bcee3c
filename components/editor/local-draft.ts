// The browser's copy of unsaved work, in localStorage: written on every change, cleared when the
// server acknowledges the same text. It survives a closed tab, a crash and a dead server. Each tab
// keeps its own copy, so two tabs on one article never overwrite each other's rescue text.
import type { DraftFields } from './draft-key';

export interface LocalDraft {
  /** The server version this text was based on. */
  baseVersion: number;
  fields: DraftFields;
  /** Fingerprints of saves sent but never acknowledged: the server may have stored them. */
  sent: string[];
  at: string;
}

const prefixFor = (articleId: string) => `masthead:draft:${articleId}:`;

function tabId(): string {
  // sessionStorage lives as long as the tab (reloads included) and is not shared between tabs.
  let id = window.sessionStorage.getItem('masthead:tab');
  if (!id) {
    id = Math.random().toString(36).slice(2, 10);
    window.sessionStorage.setItem('masthead:tab', id);
  }
  return id;
}

function ownKey(articleId: string): string {
  return `${prefixFor(articleId)}${tabId()}`;
}

export function writeLocalDraft(articleId: string, draft: LocalDraft): void {
  try {
    window.localStorage.setItem(ownKey(articleId), JSON.stringify(draft));
  } catch {
    // Storage full or disabled (private mode): the server copy and the retry loop remain.
  }
}

export function clearLocalDraft(articleId: string): void {
  try {
    window.localStorage.removeItem(ownKey(articleId));
  } catch {
    // Nothing to clear.
  }
}

/** The newest unsaved copy of this article left by any tab of this browser (a closed or crashed
 * one included), unless the server already has it. The copies are taken: the caller writes the
 * one it keeps under its own tab, so an older copy can never come back over newer work. */
export function takeLocalDraft(articleId: string, isOnServer: (draft: LocalDraft) => boolean): LocalDraft | null {
  try {
    const prefix = prefixFor(articleId);
    const found: LocalDraft[] = [];
    for (const key of Object.keys(window.localStorage)) {
      if (!key.startsWith(prefix)) continue;
      const draft = JSON.parse(window.localStorage.getItem(key) ?? 'null') as LocalDraft | null;
      window.localStorage.removeItem(key);
      if (draft && !isOnServer(draft)) found.push(draft);
    }
    return found.sort((a, b) => b.at.localeCompare(a.at))[0] ?? null;
  } catch {
    return null;
  }
}
