'use client';
import { useState } from 'react';
import type { Editor } from '@tiptap/react';
import { parseVideoUrl } from '@/lib/content/embed-providers';
import { isSafeHref } from '@/lib/content/extensions';
import { ErrorText, buttonClass, controlClass } from '@/components/ui';

/** A formatting button that says in words what it does: its visible text is its accessible name
 * (WCAG 2.5.3), so a voice-control user can say what they see. */
function ToolButton({ label, active, onClick, className = '' }: { label: string; active?: boolean; onClick: () => void; className?: string }) {
  return (
    <button
      type="button"
      aria-pressed={active ?? undefined}
      onMouseDown={(event) => event.preventDefault()}
      onClick={onClick}
      className={`rounded px-2 py-1 text-sm ${active ? 'bg-gray-900 text-white' : 'hover:bg-gray-200'} ${className}`}
    >
      {label}
    </button>
  );
}

/** An address typed into the toolbar (a link's, a video's): Enter applies it, Escape closes it. */
function AddressField(props: { label: string; value: string; onChange: (value: string) => void; onApply: () => void; applyLabel: string; onCancel: () => void; error: string | null }) {
  return (
    <span className="flex items-center gap-1">
      <input
        type="url"
        aria-label={props.label}
        value={props.value}
        autoFocus
        onChange={(event) => props.onChange(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            props.onApply();
          }
          if (event.key === 'Escape') props.onCancel();
        }}
        className={`${controlClass.inline} text-sm`}
      />
      <button type="button" onClick={props.onApply} className={buttonClass.small}>
        {props.applyLabel}
      </button>
      {props.error && <ErrorText inline>{props.error}</ErrorText>}
    </span>
  );
}

const IMAGE_TYPES = 'image/jpeg,image/png,image/gif,image/webp';

/** A toolbar button that picks files: images (several at once) unless told otherwise. */
function FilePickButton({
  label,
  accessibleName,
  onPick,
  accept = IMAGE_TYPES,
  multiple = true,
}: {
  label: string;
  accessibleName: string;
  onPick: (files: File[]) => void;
  accept?: string;
  multiple?: boolean;
}) {
  return (
    <label className="cursor-pointer rounded px-2 py-1 text-sm hover:bg-gray-200">
      {label}
      <input
        type="file"
        accept={accept}
        multiple={multiple}
        className="sr-only"
        aria-label={accessibleName}
        onChange={(event) => {
          onPick(Array.from(event.target.files ?? []));
          event.target.value = '';
        }}
      />
    </label>
  );
}

export interface MediaPickers {
  onPickImages: (files: File[]) => void;
  onPickGallery: (files: File[]) => void;
  onPickAudio: (files: File[]) => void;
  onPickVideo: (files: File[]) => void;
}

export function EditorToolbar({ editor, onPickImages, onPickGallery, onPickAudio, onPickVideo }: { editor: Editor } & MediaPickers) {
  const [linkDraft, setLinkDraft] = useState<string | null>(null);
  const [linkError, setLinkError] = useState<string | null>(null);
  const [embedDraft, setEmbedDraft] = useState<string | null>(null);
  const [embedError, setEmbedError] = useState<string | null>(null);
  const chain = () => editor.chain().focus();

  function applyEmbed() {
    const found = parseVideoUrl(embedDraft ?? '');
    if (!found) return setEmbedError('Paste the address of a YouTube or Vimeo video.');
    chain()
      .insertContent({ type: 'embed', attrs: { ...found, title: '' } })
      .run();
    setEmbedDraft(null);
    setEmbedError(null);
  }

  function applyLink() {
    const href = (linkDraft ?? '').trim();
    if (!href) chain().extendMarkRange('link').unsetLink().run();
    else if (!isSafeHref(href)) return setLinkError('Links must start with https://, http://, mailto: or tel:.');
    else chain().extendMarkRange('link').setLink({ href }).run();
    setLinkDraft(null);
    setLinkError(null);
  }

  return (
    <div role="toolbar" aria-label="Formatting" className="sticky top-0 z-10 flex flex-wrap items-center gap-1 border-b border-gray-300 bg-white py-2">
      <ToolButton label="Subhead" active={editor.isActive('heading', { level: 2 })} onClick={() => chain().toggleHeading({ level: 2 }).run()} />
      <ToolButton label="Minor subhead" active={editor.isActive('heading', { level: 3 })} onClick={() => chain().toggleHeading({ level: 3 }).run()} />
      <ToolButton label="Bold" active={editor.isActive('bold')} onClick={() => chain().toggleBold().run()} className="font-bold" />
      <ToolButton label="Italic" active={editor.isActive('italic')} onClick={() => chain().toggleItalic().run()} className="italic" />
      <ToolButton label="Bulleted list" active={editor.isActive('bulletList')} onClick={() => chain().toggleBulletList().run()} />
      <ToolButton label="Numbered list" active={editor.isActive('orderedList')} onClick={() => chain().toggleOrderedList().run()} />
      <ToolButton label="Quote" active={editor.isActive('blockquote')} onClick={() => chain().toggleBlockquote().run()} />
      <ToolButton label="Pull quote" active={editor.isActive('pullQuote')} onClick={() => (editor.isActive('pullQuote') ? chain().setParagraph().run() : chain().setNode('pullQuote').run())} />
      <ToolButton label="Divider" onClick={() => chain().setHorizontalRule().run()} />
      <ToolButton label="Link" active={editor.isActive('link')} onClick={() => setLinkDraft((editor.getAttributes('link').href as string | undefined) ?? 'https://')} />
      <FilePickButton label="Image" accessibleName="Upload image" onPick={onPickImages} />
      <FilePickButton label="Gallery" accessibleName="Upload photos for a gallery" onPick={onPickGallery} />
      <FilePickButton label="Audio" accessibleName="Upload audio (MP3)" onPick={onPickAudio} accept="audio/mpeg,.mp3" multiple={false} />
      <FilePickButton label="Video" accessibleName="Upload video (MP4 or WebM)" onPick={onPickVideo} accept="video/mp4,.mp4,video/webm,.webm" multiple={false} />
      <ToolButton label="YouTube or Vimeo" onClick={() => setEmbedDraft('https://')} />
      {linkDraft !== null && (
        <AddressField label="Link address" value={linkDraft} onChange={setLinkDraft} onApply={applyLink} applyLabel="Apply link" onCancel={() => setLinkDraft(null)} error={linkError} />
      )}
      {embedDraft !== null && (
        <AddressField
          label="YouTube or Vimeo address"
          value={embedDraft}
          onChange={setEmbedDraft}
          onApply={applyEmbed}
          applyLabel="Add video"
          onCancel={() => setEmbedDraft(null)}
          error={embedError}
        />
      )}
    </div>
  );
}
