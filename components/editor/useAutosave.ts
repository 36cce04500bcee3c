'use client';
// Autosave that never loses work. Every change goes to localStorage at once and to the server a
// moment later; failed saves retry with backoff; a save from a stale version comes back as a
// conflict carrying the server's copy, which the reporter resolves with both texts in view.
import { useCallback, useEffect, useRef, useState } from 'react';
import { draftFingerprint, normalizeDraft, type DraftFields } from './draft-key';
import { clearLocalDraft, holdTabLock, takeLocalDraft, writeLocalDraft } from './local-draft';

export interface ServerDraft extends DraftFields {
  version: number;
  updatedAt: string;
}

export type SaveState =
  | { kind: 'saved'; at: string }
  | { kind: 'unsaved' }
  | { kind: 'saving' }
  | { kind: 'retrying'; reason: string }
  | { kind: 'invalid'; message: string; fieldErrors: Record<string, string> }
  | { kind: 'conflict'; theirs: ServerDraft }
  | { kind: 'refused'; message: string };

const DEBOUNCE_MS = 1000;
const SAVE_TIMEOUT_MS = 8000;
const MAX_BACKOFF_MS = 15000;
// keepalive requests may carry at most 64 KB; larger drafts rely on localStorage when a tab closes.
const KEEPALIVE_LIMIT = 60_000;

type SaveAnswer =
  | { kind: 'ok'; version: number; savedAt: string }
  | { kind: 'conflict'; theirs: ServerDraft }
  | { kind: 'invalid'; message: string; fieldErrors: Record<string, string> }
  | { kind: 'refused'; message: string }
  | { kind: 'failed'; reason: string };

async function putDraft(url: string, fields: DraftFields, expectedVersion: number, checkpoint: boolean): Promise<SaveAnswer> {
  const controller = new AbortController();
  const timeout = setTimeout(() => controller.abort(), SAVE_TIMEOUT_MS);
  try {
    const response = await fetch(url, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...normalizeDraft(fields), expectedVersion, checkpoint }),
      signal: controller.signal,
    });
    const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    if (response.ok) return { kind: 'ok', version: body.version as number, savedAt: body.savedAt as string };
    if (response.status === 409 && body.conflict) return { kind: 'conflict', theirs: body.conflict as ServerDraft };
    if (response.status === 422) return { kind: 'invalid', message: String(body.error ?? 'Some fields need attention.'), fieldErrors: (body.fieldErrors as Record<string, string>) ?? {} };
    if (response.status === 401) return { kind: 'failed', reason: 'You are signed out. Sign in again in another tab; your text is kept in this browser.' };
    if (response.status === 403 || response.status === 404) return { kind: 'refused', message: String(body.error ?? 'You can no longer edit this article.') };
    return { kind: 'failed', reason: `The server answered ${response.status}.` };
  } catch {
    return { kind: 'failed', reason: 'The server cannot be reached.' };
  } finally {
    clearTimeout(timeout);
  }
}

interface Options {
  articleId: string;
  saveUrl: string;
  server: ServerDraft;
  /** Puts fields into the form and editor (a restored local draft, or the version chosen in a conflict). */
  applyFields: (fields: DraftFields) => void;
}

export function useAutosave({ articleId, saveUrl, server, applyFields }: Options) {
  const [state, setState] = useState<SaveState>({ kind: 'saved', at: server.updatedAt });
  const [restored, setRestored] = useState(false);
  const fields = useRef<DraftFields>(server);
  const version = useRef(server.version);
  const acknowledged = useRef(draftFingerprint(server));
  const sent = useRef<string[]>([]);
  const inFlight = useRef(false);
  const blocked = useRef(false); // conflict or refusal: no saving until resolved
  const attempts = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const remember = useCallback(() => {
    writeLocalDraft(articleId, { baseVersion: version.current, fields: fields.current, sent: sent.current, at: new Date().toISOString() });
  }, [articleId]);

  const flush = useCallback(async (): Promise<void> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (inFlight.current || blocked.current) return;
    const draft = fields.current;
    const fingerprint = draftFingerprint(draft);
    if (fingerprint === acknowledged.current) {
      // The server has exactly this text (the reporter typed back to it, or a save given up on
      // arrived after all): whatever the status said, it is saved.
      clearLocalDraft(articleId);
      setState((current) => (current.kind === 'saved' ? current : { kind: 'saved', at: new Date().toISOString() }));
      return;
    }
    inFlight.current = true;
    setState({ kind: 'saving' });
    sent.current = [...sent.current.filter((entry) => entry !== fingerprint), fingerprint].slice(-20);
    remember();
    const answer = await putDraft(saveUrl, draft, version.current, false);
    inFlight.current = false;

    const schedule = (delay: number) => {
      if (timer.current) clearTimeout(timer.current);
      // A retry calls this same function later, from a timer, long after it is declared.
      // eslint-disable-next-line react-hooks/immutability
      timer.current = setTimeout(() => void flush(), delay);
    };
    switch (answer.kind) {
      case 'ok': {
        attempts.current = 0;
        version.current = answer.version;
        acknowledged.current = fingerprint;
        sent.current = [];
        if (draftFingerprint(fields.current) === fingerprint) {
          clearLocalDraft(articleId);
          setState({ kind: 'saved', at: answer.savedAt });
        } else {
          remember();
          schedule(200);
        }
        return;
      }
      case 'conflict': {
        const theirs = draftFingerprint(answer.theirs);
        if (sent.current.includes(theirs)) {
          // Our own earlier save, which we had given up on, reached the server after all. If it
          // carried the latest text, that is saved; otherwise what came since is sent on top of it.
          version.current = answer.theirs.version;
          acknowledged.current = theirs;
          sent.current = sent.current.filter((entry) => entry !== theirs);
          if (draftFingerprint(fields.current) === theirs) {
            clearLocalDraft(articleId);
            setState({ kind: 'saved', at: answer.theirs.updatedAt });
            return;
          }
          remember();
          schedule(0);
          return;
        }
        blocked.current = true;
        setState({ kind: 'conflict', theirs: answer.theirs });
        return;
      }
      case 'invalid':
        setState(answer);
        return;
      case 'refused':
        blocked.current = true;
        setState(answer);
        return;
      case 'failed':
        attempts.current += 1;
        setState({ kind: 'retrying', reason: answer.reason });
        schedule(Math.min(MAX_BACKOFF_MS, 1000 * 2 ** attempts.current));
        return;
    }
  }, [articleId, remember, saveUrl]);

  const change = useCallback(
    (next: DraftFields) => {
      fields.current = next;
      remember();
      if (blocked.current) return;
      setState((current) => (current.kind === 'retrying' ? current : draftFingerprint(next) === acknowledged.current ? current : { kind: 'unsaved' }));
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), DEBOUNCE_MS);
    },
    [flush, remember],
  );

  /** Resolves a conflict. Both texts end up in the revision history whichever is kept. */
  const resolveConflict = useCallback(
    async (keep: 'mine' | 'theirs') => {
      if (state.kind !== 'conflict') return;
      const theirs = state.theirs;
      setState({ kind: 'saving' });
      const mine = await putDraft(saveUrl, fields.current, theirs.version, true);
      if (mine.kind !== 'ok') {
        setState(mine.kind === 'conflict' ? { kind: 'conflict', theirs: mine.theirs } : { kind: 'retrying', reason: 'The conflict could not be resolved yet; try again.' });
        return;
      }
      version.current = mine.version;
      if (keep === 'theirs') {
        const back = await putDraft(saveUrl, theirs, mine.version, true);
        if (back.kind !== 'ok') {
          setState({ kind: 'retrying', reason: 'Your version was saved, but the other one could not be put back yet; try again.' });
          return;
        }
        version.current = back.version;
        fields.current = theirs;
        applyFields(theirs);
      }
      acknowledged.current = draftFingerprint(fields.current);
      sent.current = [];
      blocked.current = false;
      clearLocalDraft(articleId);
      setState({ kind: 'saved', at: new Date().toISOString() });
    },
    [applyFields, articleId, saveUrl, state],
  );

  // On opening: text this browser never got to save comes back, or meets the newer server copy.
  useEffect(() => {
    holdTabLock(articleId);
    const serverFingerprint = draftFingerprint(server);
    const openedAt = new Date().toISOString();
    // Not cancelled on cleanup: the copy is taken out of storage, so whoever takes it must apply it.
    void takeLocalDraft(articleId, (draft) => draftFingerprint(draft.fields) === serverFingerprint, openedAt).then((local) => {
      if (!local) return;
      fields.current = local.fields;
      applyFields(local.fields);
      setRestored(true);
      sent.current = local.sent;
      if (local.baseVersion === server.version || local.sent.includes(serverFingerprint)) {
        // Written on top of what the server has (or the server has our last attempt): save it.
        remember();
        void flush();
      } else {
        // Written on an older version than the server's: keep it as it was and let the reporter choose.
        writeLocalDraft(articleId, { ...local, at: new Date().toISOString() });
        blocked.current = true;
        setState({ kind: 'conflict', theirs: server });
      }
    });
    // Runs once per opened article; later changes come through change().
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [articleId]);

  // Leaving the page: one last save that outlives the page, and the local copy as a fallback.
  useEffect(() => {
    const leave = () => {
      if (blocked.current || draftFingerprint(fields.current) === acknowledged.current) return;
      remember();
      const body = JSON.stringify({ ...normalizeDraft(fields.current), expectedVersion: version.current, checkpoint: false });
      if (body.length > KEEPALIVE_LIMIT) return;
      sent.current = [...sent.current, draftFingerprint(fields.current)].slice(-20);
      remember();
      void fetch(saveUrl, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body, keepalive: true }).catch(() => undefined);
    };
    const onVisibility = () => document.visibilityState === 'hidden' && leave();
    const onOnline = () => void flush();
    window.addEventListener('pagehide', leave);
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('online', onOnline);
    return () => {
      window.removeEventListener('pagehide', leave);
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('online', onOnline);
    };
  }, [flush, remember, saveUrl]);

  /** Saves what is pending and waits for the answer: true once the server has this exact text. */
  const whenSaved = useCallback(async (): Promise<boolean> => {
    const deadline = Date.now() + SAVE_TIMEOUT_MS * 2;
    while (Date.now() < deadline) {
      if (blocked.current) return false;
      if (!inFlight.current && draftFingerprint(fields.current) === acknowledged.current) return true;
      if (!inFlight.current) await flush();
      else await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return false;
  }, [flush]);

  return { state, restored, change, flush, whenSaved, resolveConflict, version: () => version.current, mine: () => fields.current };
}
