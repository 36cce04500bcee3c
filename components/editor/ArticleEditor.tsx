'use client';
// The reporter's editor: headline, deck, section, tags, bylines and the story body in Tiptap, on
// the same extension list the server renders with. Saving is automatic (useAutosave).
import { EditorContent, ReactNodeViewRenderer, useEditor, type Editor } from '@tiptap/react';
import type { AnyExtension } from '@tiptap/core';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { cleanPastedHtmlInBrowser } from '@/lib/content/clean-html';
import { countWords, readingMinutes } from '@/lib/content/document';
import { Figure, articleExtensions } from '@/lib/content/extensions';
import { Audio } from '@/lib/content/audio';
import { Video } from '@/lib/content/video';
import { Embed } from '@/lib/content/embed';
import { Gallery, newGalleryId } from '@/lib/content/gallery';
import { BylinesEditor, type StaffOption } from './BylinesEditor';
import { ConflictView } from './ConflictView';
import type { DraftFields } from './draft-key';
import { EditorToolbar } from './EditorToolbar';
import { FeaturedImageEditor } from './FeaturedImageEditor';
import { FigureView } from './FigureView';
import { AudioView } from './AudioView';
import { VideoView } from './VideoView';
import { EmbedView } from './EmbedView';
import { GalleryView } from './GalleryView';
import { MediaLibraryPicker } from './MediaLibraryPicker';
import { SaveStatus } from './SaveStatus';
import { StoryFormPicker } from './StoryFormPicker';
import { UploadProgress } from './UploadProgress';
import { uploadImageFiles, uploadRecordingFile } from './upload-image';
import { useAutosave, type ServerDraft } from './useAutosave';
import { Suggesting, type Suggester } from './suggesting';
import { SuggestionsPanel } from './SuggestionsPanel';
import { WorkflowActions, type ActionChoice } from '@/components/workflow/WorkflowActions';
import { ErrorText, Options, controlClass } from '@/components/ui';

export interface ArticleEditorProps {
  schoolSlug: string;
  articleId: string;
  server: ServerDraft;
  sections: { id: string; name: string }[];
  staff: StaffOption[];
  bylineTitles: readonly string[];
  maxHeadlineLength: number;
  revisionsHref: string;
  /** Workflow actions this person may take (Submit for review, …); taken after the text is saved. */
  workflowActions?: ActionChoice[];
  /** A reviewer suggesting edits: what they type and delete is marked for the author to settle. */
  suggester?: Suggester;
}

// Figures, galleries and audio are edited through React views with the fields readers need (alt,
// caption and credit; a title and transcript); their schemas are the shared ones, so what is saved
// is exactly what the server renders.
function editorExtensions(schoolSlug: string): AnyExtension[] {
  return articleExtensions.map((extension) => {
    if (extension.name === 'figure') return Figure.extend({ addNodeView: () => ReactNodeViewRenderer(FigureView) });
    if (extension.name === 'gallery') return Gallery.extend({ addOptions: () => ({ schoolSlug }), addNodeView: () => ReactNodeViewRenderer(GalleryView) });
    if (extension.name === 'audio') return Audio.extend({ addNodeView: () => ReactNodeViewRenderer(AudioView) });
    if (extension.name === 'embed') return Embed.extend({ addNodeView: () => ReactNodeViewRenderer(EmbedView) });
    if (extension.name === 'video') return Video.extend({ addOptions: () => ({ schoolSlug }), addNodeView: () => ReactNodeViewRenderer(VideoView) });
    return extension;
  });
}

export function ArticleEditor(props: ArticleEditorProps) {
  // One extension list for the editor's life: a new list on every render would reconfigure it.
  const suggesterId = props.suggester?.id;
  const suggesterName = props.suggester?.name;
  const schoolSlug = props.schoolSlug;
  const extensions = useMemo(
    () => [...editorExtensions(schoolSlug), Suggesting.configure({ suggester: suggesterId && suggesterName !== undefined ? { id: suggesterId, name: suggesterName } : null })],
    [schoolSlug, suggesterId, suggesterName],
  );
  const editor = useEditor({
    extensions,
    content: props.server.body,
    immediatelyRender: false,
    shouldRerenderOnTransaction: true,
    editorProps: {
      attributes: { class: 'article-body editor-body min-h-[50vh] focus:outline-none', 'aria-label': 'Story', role: 'textbox', 'aria-multiline': 'true' },
      // Google Docs and Word paste arrives full of inline styles and wrapper spans.
      transformPastedHTML: cleanPastedHtmlInBrowser,
    },
  });
  if (!editor) return <p className="text-gray-700">Loading the editor…</p>;
  return <EditorWorkspace {...props} editor={editor} />;
}

type FormFields = Omit<DraftFields, 'body'>;

function EditorWorkspace({
  editor,
  schoolSlug,
  articleId,
  server,
  sections,
  staff,
  bylineTitles,
  maxHeadlineLength,
  revisionsHref,
  workflowActions = [],
  suggester,
}: ArticleEditorProps & { editor: Editor }) {
  const [form, setForm] = useState<FormFields>(() => ({
    headline: server.headline,
    deck: server.deck,
    sectionId: server.sectionId,
    tags: server.tags,
    featuredImage: server.featuredImage ?? null,
    bylines: server.bylines,
  }));
  const [tagsText, setTagsText] = useState(server.tags.join(', '));
  const [uploadErrors, setUploadErrors] = useState<string[]>([]);
  const [uploading, setUploading] = useState(0);
  const [resolving, setResolving] = useState(false);
  const formRef = useRef(form);

  const applyFields = useCallback(
    (fields: DraftFields) => {
      const { body, ...given } = fields;
      // A draft kept in this browser before featured images existed has none.
      const rest = { ...given, featuredImage: given.featuredImage ?? null };
      formRef.current = rest;
      setForm(rest);
      setTagsText(rest.tags.join(', '));
      editor.commands.setContent(body, { emitUpdate: false });
    },
    [editor],
  );

  const autosave = useAutosave({ articleId, saveUrl: `/api/schools/${schoolSlug}/articles/${articleId}`, server, applyFields });
  const collect = useCallback((): DraftFields => ({ ...formRef.current, body: editor.getJSON() as DraftFields['body'] }), [editor]);

  const updateForm = (patch: Partial<FormFields>) => {
    formRef.current = { ...formRef.current, ...patch };
    setForm(formRef.current);
    autosave.change(collect());
  };

  // Every body change reaches autosave; registered once per editor.
  const changeRef = useRef(autosave.change);
  useEffect(() => {
    changeRef.current = autosave.change;
  });
  useEffect(() => {
    const onUpdate = () => changeRef.current(collect());
    editor.on('update', onUpdate);
    return () => {
      editor.off('update', onUpdate);
    };
  }, [editor, collect]);

  const conflict = autosave.state.kind === 'conflict' ? autosave.state : null;
  // While two versions are compared, the story is frozen so "mine" cannot drift under the reader.
  useEffect(() => {
    editor.setEditable(!conflict && !resolving, false);
  }, [editor, conflict, resolving]);

  const insertImages = useCallback(
    async (files: File[], position?: number) => {
      const images = files.filter((file) => file.type.startsWith('image/') || /\.(jpe?g|png|gif|webp)$/i.test(file.name));
      if (images.length === 0) return;
      setUploadErrors([]);
      setUploading((count) => count + images.length);
      await uploadImageFiles(schoolSlug, images, (result) => {
        setUploading((count) => count - 1);
        if (!result.ok) return setUploadErrors((errors) => [...errors, result.error]);
        const { id, src, width, height } = result.figure;
        const at = position ?? editor.state.selection.to;
        editor
          .chain()
          .focus()
          .insertContentAt(at, { type: 'figure', attrs: { src, mediaId: id, width, height, alt: '', caption: '', credit: '' } })
          .run();
      });
    },
    [editor, schoolSlug],
  );

  const insertGallery = useCallback(
    async (files: File[]) => {
      if (files.length === 0) return;
      setUploadErrors([]);
      setUploading((count) => count + files.length);
      const { figures, failures } = await uploadImageFiles(schoolSlug, files, () => setUploading((count) => count - 1));
      setUploadErrors(failures);
      if (figures.length === 0) return;
      const photos = figures.map(({ id, src, width, height }) => ({ src, mediaId: id, width, height, alt: '', caption: '', credit: '' }));
      editor
        .chain()
        .focus()
        .insertContentAt(editor.state.selection.to, { type: 'gallery', attrs: { id: newGalleryId(), photos } })
        .run();
    },
    [editor, schoolSlug],
  );

  // A recording goes into the story where the cursor is, once it is up; its title, transcript or
  // captions are filled in its own view (AudioView, VideoView).
  const insertRecording = useCallback(
    async (kind: 'audio' | 'video', files: File[]) => {
      const [file] = files;
      if (!file) return;
      setUploadErrors([]);
      setUploading((count) => count + 1);
      const result = await uploadRecordingFile(schoolSlug, file, kind);
      setUploading((count) => count - 1);
      if (!result.ok) return setUploadErrors([result.error]);
      const { id, src, duration, width, height } = result.figure;
      const attrs = kind === 'audio' ? { src, mediaId: id, duration, title: '', transcript: '' } : { src, mediaId: id, duration, width, height, title: '' };
      editor.chain().focus().insertContentAt(editor.state.selection.to, { type: kind, attrs }).run();
    },
    [editor, schoolSlug],
  );

  // Images dropped on or pasted into the story upload in place.
  useEffect(() => {
    editor.setOptions({
      editorProps: {
        ...editor.options.editorProps,
        handleDrop: (view, event, _slice, moved) => {
          const files = Array.from(event.dataTransfer?.files ?? []);
          if (moved || files.length === 0) return false;
          event.preventDefault();
          void insertImages(files, view.posAtCoords({ left: event.clientX, top: event.clientY })?.pos);
          return true;
        },
        handlePaste: (_view, event) => {
          const files = Array.from(event.clipboardData?.files ?? []);
          if (files.length === 0) return false;
          void insertImages(files);
          return true;
        },
      },
    });
  }, [editor, insertImages]);

  const errors = autosave.state.kind === 'invalid' ? autosave.state.fieldErrors : {};
  const words = countWords(editor.getText());
  const headlineOver = form.headline.length > maxHeadlineLength;

  return (
    <div>
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3 border-b border-gray-200 pb-3">
        <SaveStatus state={autosave.state} />
        <p className="text-sm text-gray-700">
          <span data-testid="word-count">{words} words</span> · {readingMinutes(words)} min read ·{' '}
          <a className="underline" href={revisionsHref}>
            Revisions
          </a>
        </p>
      </div>
      {workflowActions.length > 0 && (
        <div className="mb-4">
          <WorkflowActions schoolSlug={schoolSlug} articleId={articleId} actions={workflowActions} getVersion={autosave.version} beforeAction={autosave.whenSaved} />
        </div>
      )}
      {autosave.restored && autosave.state.kind !== 'conflict' && (
        <p role="note" className="mb-4 rounded bg-amber-50 px-3 py-2 text-sm">
          Restored text from this browser that had not reached the server.
        </p>
      )}
      {conflict && (
        <ConflictView
          mine={autosave.mine()}
          theirs={conflict.theirs}
          busy={resolving}
          onResolve={async (keep) => {
            setResolving(true);
            await autosave.resolveConflict(keep);
            setResolving(false);
          }}
        />
      )}

      {/* While suggesting, only the story's text takes suggestions; the fields around it wait. */}
      <fieldset className="space-y-4" disabled={Boolean(suggester)}>
        <div>
          <div className="flex justify-between">
            <label htmlFor="headline" className="font-semibold">
              Headline
            </label>
            <span id="headline-count" className={`text-sm ${headlineOver ? 'text-red-800' : 'text-gray-700'}`}>
              {form.headline.length} / {maxHeadlineLength}
              {headlineOver && ' — too long for this paper'}
            </span>
          </div>
          <input
            id="headline"
            aria-describedby="headline-count"
            value={form.headline}
            onChange={(event) => updateForm({ headline: event.target.value })}
            className={`${controlClass.full} font-serif text-2xl font-bold`}
          />
          {errors.headline && <ErrorText>{errors.headline}</ErrorText>}
        </div>
        <div>
          <label htmlFor="deck" className="font-semibold">
            Deck
          </label>{' '}
          <span id="deck-help" className="text-sm text-gray-700">
            the line under the headline
          </span>
          <textarea id="deck" aria-describedby="deck-help" rows={2} value={form.deck} onChange={(event) => updateForm({ deck: event.target.value })} className={controlClass.full} />
          {errors.deck && <ErrorText>{errors.deck}</ErrorText>}
        </div>
        <StoryFormPicker editor={editor} disabled={Boolean(suggester)} />
        <div className="flex flex-wrap gap-4">
          <label className="font-semibold">
            Section
            <select value={form.sectionId ?? ''} onChange={(event) => updateForm({ sectionId: event.target.value || null })} className={`ml-2 font-normal ${controlClass.inline}`}>
              <Options items={sections} value={(section) => section.id} label={(section) => section.name} first={{ value: '', label: 'No section yet' }} />
            </select>
          </label>
          <label className="flex-1 font-semibold">
            Tags
            <input
              value={tagsText}
              placeholder="budget, school board"
              onChange={(event) => {
                setTagsText(event.target.value);
                updateForm({
                  tags: event.target.value
                    .split(',')
                    .map((tag) => tag.trim())
                    .filter(Boolean),
                });
              }}
              className={`ml-2 font-normal ${controlClass.inline}`}
            />
          </label>
        </div>
        {(errors.sectionId || Object.keys(errors).some((key) => key.startsWith('tags'))) && (
          <ErrorText>{errors.sectionId ?? Object.entries(errors).find(([key]) => key.startsWith('tags'))?.[1]}</ErrorText>
        )}
        <BylinesEditor bylines={form.bylines} staff={staff} titles={bylineTitles} errors={errors} onChange={(bylines) => updateForm({ bylines })} />
        <FeaturedImageEditor schoolSlug={schoolSlug} image={form.featuredImage} error={errors.featuredImage} onChange={(featuredImage) => updateForm({ featuredImage })} />
      </fieldset>

      <div className="mt-6 rounded border border-gray-300 px-4 pb-4">
        {suggester ? (
          <p role="note" className="mt-3 rounded bg-amber-50 px-3 py-2 text-sm">
            Suggesting: what you type and delete in the story is marked as your suggestion, for its author to accept or reject.
          </p>
        ) : (
          <>
            <div className="mt-3">
              <SuggestionsPanel editor={editor} />
            </div>
            <EditorToolbar
              editor={editor}
              onPickImages={(files) => void insertImages(files)}
              onPickGallery={(files) => void insertGallery(files)}
              onPickAudio={(files) => void insertRecording('audio', files)}
              onPickVideo={(files) => void insertRecording('video', files)}
            />
          </>
        )}
        {!suggester && (
          <MediaLibraryPicker
            schoolSlug={schoolSlug}
            label="Insert a photo from the library"
            onPick={({ src, id, width, height, alt, caption, credit }) =>
              editor
                .chain()
                .focus()
                .insertContentAt(editor.state.selection.to, { type: 'figure', attrs: { src, mediaId: id, width, height, alt, caption, credit } })
                .run()
            }
          />
        )}
        <UploadProgress uploading={uploading} errors={uploadErrors} noun="file" />
        {errors.body && <ErrorText className="mt-2">{errors.body}</ErrorText>}
        <EditorContent editor={editor} className="mt-4" />
      </div>
    </div>
  );
}
