'use client';
// The story's form (lib/content/story-forms.ts): how its page lays it out, nothing else. It is an
// attribute of the story's document, so choosing one is an edit like any other: saved, revised,
// and covered by the approval.
import type { Editor } from '@tiptap/react';
import { Options, controlClass } from '@/components/ui';
import { STORY_FORMS, storyFormOf, type StoryForm } from '@/lib/content/story-forms';

const FORMS = Object.entries(STORY_FORMS).map(([value, form]) => ({ value: value as StoryForm, ...form }));

export function StoryFormPicker({ editor, disabled }: { editor: Editor; disabled?: boolean }) {
  const form = storyFormOf(editor.state.doc.toJSON());
  const choose = (value: StoryForm) =>
    editor
      .chain()
      .command(({ tr }) => {
        tr.setDocAttribute('form', value);
        return true;
      })
      .run();
  return (
    <div>
      <label className="font-semibold">
        Story form
        <select value={form} disabled={disabled} onChange={(event) => choose(event.target.value as StoryForm)} aria-describedby="story-form-help" className={`ml-2 font-normal ${controlClass.inline}`}>
          <Options items={FORMS} value={(choice) => choice.value} label={(choice) => choice.label} />
        </select>
      </label>
      <p id="story-form-help" className="text-sm text-gray-700">
        {STORY_FORMS[form].description}
      </p>
    </div>
  );
}
