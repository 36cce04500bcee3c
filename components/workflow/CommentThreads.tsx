'use client';
import { useState } from 'react';
import { ErrorText, controlClass } from '@/components/ui';

export interface ThreadView {
  id: string;
  quotedText: string | null;
  body: string;
  author: string;
  resolvedAt: string | null;
  createdAt: string;
  replies: { id: string; body: string; author: string; createdAt: string }[];
}

async function post(url: string, body?: unknown): Promise<string | null> {
  const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) }).catch(() => null);
  if (response?.ok) return null;
  const answer = (await response?.json().catch(() => null)) as { error?: string } | null;
  return answer?.error ?? 'The server cannot be reached; try again.';
}

export function CommentThreads({ schoolSlug, articleId, threads, version }: { schoolSlug: string; articleId: string; threads: ThreadView[]; version: number }) {
  const [error, setError] = useState<string | null>(null);
  const base = `/api/schools/${schoolSlug}/articles/${articleId}/comments`;
  const act = async (work: Promise<string | null>) => {
    const failed = await work;
    if (failed) setError(failed);
    else window.location.reload();
  };
  const open = threads.filter((thread) => !thread.resolvedAt);
  const resolved = threads.filter((thread) => thread.resolvedAt);
  return (
    <div className="space-y-3">
      {error && <ErrorText>{error}</ErrorText>}
      {open.length === 0 && <p className="text-sm text-gray-700">No open comments.</p>}
      {open.map((thread) => (
        <article key={thread.id} className="rounded border border-amber-300 bg-amber-50 p-3 text-sm" aria-label={`Comment by ${thread.author}`}>
          {thread.quotedText && <blockquote className="border-l-4 border-amber-400 pl-2 italic">“{thread.quotedText}”</blockquote>}
          <p className="mt-1">
            <span className="font-semibold">{thread.author}:</span> {thread.body}
          </p>
          {thread.replies.map((reply) => (
            <p key={reply.id} className="mt-1 pl-3">
              <span className="font-semibold">{reply.author}:</span> {reply.body}
            </p>
          ))}
          <form
            className="mt-2 flex gap-2"
            onSubmit={(event) => {
              event.preventDefault();
              const text = String(new FormData(event.currentTarget).get('reply') ?? '');
              void act(post(base, { body: text, expectedVersion: version, parentId: thread.id }));
            }}
          >
            <input name="reply" aria-label={`Reply to ${thread.author}`} placeholder="Reply" className={`flex-1 ${controlClass.inline}`} />
            <button type="submit" className="underline">
              Reply
            </button>
            <button type="button" className="underline" onClick={() => void act(post(`${base}/${thread.id}/resolve`))}>
              Resolve
            </button>
          </form>
        </article>
      ))}
      {resolved.length > 0 && (
        <details className="text-sm">
          <summary>{resolved.length} resolved</summary>
          {resolved.map((thread) => (
            <p key={thread.id} className="mt-1 text-gray-700">
              {thread.quotedText && <>“{thread.quotedText}” — </>}
              {thread.author}: {thread.body}
            </p>
          ))}
        </details>
      )}
    </div>
  );
}
