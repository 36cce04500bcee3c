'use client';
import type { Editor } from '@tiptap/react';
import { Button } from '@/components/ui';
import { openSuggestions } from '@/lib/content/suggestions';

/** The author's list of a reviewer's suggested edits, each with accept and reject, and both for all. */
export function SuggestionsPanel({ editor }: { editor: Editor }) {
  const suggestions = openSuggestions(editor.getJSON());
  if (suggestions.length === 0) return null;
  return (
    <section aria-labelledby="suggestions" className="mb-4 rounded border border-amber-600 p-3">
      <h2 id="suggestions" className="font-semibold">
        Suggested edits ({suggestions.length})
      </h2>
      <p className="text-sm text-gray-700">Approval waits until each is accepted or rejected.</p>
      <ul className="mt-2 space-y-2">
        {suggestions.map((suggestion) => (
          <li key={suggestion.id} className="flex flex-wrap items-center gap-2">
            <span className="flex-1">
              {suggestion.authorName || 'A reviewer'} suggests {suggestion.kind === 'insertion' ? 'adding' : 'removing'} “{suggestion.text}”
            </span>
            <Button
              variant="small"
              type="button"
              onClick={() => editor.chain().focus().acceptSuggestion(suggestion.id).run()}
              aria-label={`Accept: ${suggestion.kind === 'insertion' ? 'add' : 'remove'} “${suggestion.text}”`}
            >
              Accept
            </Button>
            <Button
              variant="smallSecondary"
              type="button"
              onClick={() => editor.chain().focus().rejectSuggestion(suggestion.id).run()}
              aria-label={`Reject: ${suggestion.kind === 'insertion' ? 'add' : 'remove'} “${suggestion.text}”`}
            >
              Reject
            </Button>
          </li>
        ))}
      </ul>
      {suggestions.length > 1 && (
        <div className="mt-3 flex gap-2">
          <Button variant="small" type="button" onClick={() => editor.chain().focus().acceptAllSuggestions().run()}>
            Accept all
          </Button>
          <Button variant="smallSecondary" type="button" onClick={() => editor.chain().focus().rejectAllSuggestions().run()}>
            Reject all
          </Button>
        </div>
      )}
    </section>
  );
}
