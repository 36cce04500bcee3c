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

/** Marks this tab as open on the article for as long as it lives: a Web Lock is released by the
 * browser when the tab closes or crashes, so other tabs can tell a live copy from an orphaned one. */
export function holdTabLock(articleId: string): void {
  if (typeof navigator === 'undefined' || !navigator.locks) return;
  void navigator.locks.request(ownKey(articleId), () => new Promise<never>(() => undefined)).catch(() => undefined);
}

async function liveTabKeys(): Promise<Set<string>> {
  if (typeof navigator === 'undefined' || !navigator.locks) return new Set();
  const { held = [] } = await navigator.locks.query();
  return new Set(held.flatMap((lock) => (lock.name ? [lock.name] : [])));
}

/** The newest unsaved copy of this article left by this tab or by a tab that is gone (closed or
 * crashed), unless the server already has it. The copies are taken: the caller writes the one it
 * keeps under its own tab, so an older copy can never come back over newer work. Copies of tabs
 * still open are theirs: they save them themselves. */
export async function takeLocalDraft(articleId: string, isOnServer: (draft: LocalDraft) => boolean, openedAt: string): Promise<LocalDraft | null> {
  try {
    const prefix = prefixFor(articleId);
    const own = ownKey(articleId);
    const live = await liveTabKeys();
    const found: LocalDraft[] = [];
    for (const key of Object.keys(window.localStorage)) {
      if (!key.startsWith(prefix) || (key !== own && live.has(key))) continue;
      const draft = JSON.parse(window.localStorage.getItem(key) ?? 'null') as LocalDraft | null;
      // Written by this page since it opened (the reporter typed while the lookup ran): that is
      // the text on screen, not one to restore over it.
      if (draft && draft.at >= openedAt) continue;
      window.localStorage.removeItem(key);
      if (draft && !isOnServer(draft)) found.push(draft);
    }
    return found.sort((a, b) => b.at.localeCompare(a.at))[0] ?? null;
  } catch {
    return null;
  }
}
