'use client';
// The review screen's copy of the story: read-only, on the shared schema (so comment anchors show
// as highlights), with "Comment on selection" for the words a reviewer selects.
import { EditorContent, useEditor } from '@tiptap/react';
import { useState, type FormEvent } from 'react';
import type { ArticleDoc } from '@/lib/content/document';
import { articleExtensions } from '@/lib/content/extensions';
import { ErrorText, buttonClass, controlClass } from '@/components/ui';

interface Selected {
  from: number;
  to: number;
  quotedText: string;
}

export function ReviewReader({ schoolSlug, articleId, body, version }: { schoolSlug: string; articleId: string; body: ArticleDoc; version: number }) {
  const editor = useEditor({
    extensions: articleExtensions,
    content: body,
    editable: false,
    immediatelyRender: false,
    editorProps: { attributes: { class: 'article-body', 'aria-label': 'Story under review' } },
  });
  const [selected, setSelected] = useState<Selected | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  function captureSelection() {
    const selection = window.getSelection();
    if (!editor || !selection || selection.isCollapsed || selection.rangeCount === 0) return setSelected(null);
    const range = selection.getRangeAt(0);
    if (!editor.view.dom.contains(range.commonAncestorContainer)) return setSelected(null);
    // The view is not editable, so ProseMirror's own selection does not follow the mouse: map the
    // DOM selection to document positions instead.
    const from = editor.view.posAtDOM(range.startContainer, range.startOffset);
    const to = editor.view.posAtDOM(range.endContainer, range.endOffset);
    const quotedText = editor.state.doc.textBetween(from, to, ' ');
    setSelected(to > from && quotedText.trim() ? { from, to, quotedText } : null);
  }

  async function send(event: FormEvent<HTMLFormElement>, anchored: boolean) {
    event.preventDefault();
    const form = event.currentTarget;
    const text = String(new FormData(form).get('comment') ?? '');
    setPending(true);
    setError(null);
    const response = await fetch(`/api/schools/${schoolSlug}/articles/${articleId}/comments`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ body: text, expectedVersion: version, ...(anchored && selected ? { anchor: selected } : {}) }),
    }).catch(() => null);
    const answer = (await response?.json().catch(() => null)) as { error?: string; fieldErrors?: Record<string, string> } | null;
    setPending(false);
    if (response?.ok) return window.location.reload();
    setError(answer?.fieldErrors?.body ?? answer?.error ?? 'The server cannot be reached; try again.');
  }

  return (
    <div>
      <div onMouseUp={captureSelection} onKeyUp={captureSelection}>
        <EditorContent editor={editor} />
      </div>
      {selected && (
        <form onSubmit={(event) => void send(event, true)} className="sticky bottom-4 mt-4 space-y-2 rounded border border-amber-400 bg-amber-50 p-3 shadow" aria-label="Comment on selection">
          <p className="text-sm">
            Commenting on: <q className="italic">{selected.quotedText}</q>
          </p>
          <label className="block text-sm font-medium">
            Comment on selection
            <textarea name="comment" rows={2} required className={controlClass.full} />
          </label>
          <button type="submit" disabled={pending} className={buttonClass.small}>
            Add comment
          </button>
        </form>
      )}
      <form onSubmit={(event) => void send(event, false)} className="mt-6 space-y-2" aria-label="General comment">
        <label className="block text-sm font-medium">
          General comment
          <textarea name="comment" rows={2} className={controlClass.full} />
        </label>
        <button type="submit" disabled={pending} className={buttonClass.smallSecondary}>
          Add general comment
        </button>
      </form>
      {error && <ErrorText className="mt-2">{error}</ErrorText>}
    </div>
  );
}
