'use client';
// A video in the editor: the upload to watch back, its title, its captions (WebVTT, from any caption
// editor) and a poster picture, uploaded or taken from the frame the player shows. The submit
// checklist asks for the title and the captions.
import { NodeViewWrapper, type NodeViewProps } from '@tiptap/react';
import { useRef, useState } from 'react';
import { formatDuration } from '@/lib/content/audio';
import { videoClip } from '@/lib/content/video';
import { asUploadedType } from '@/lib/media/variants';
import { Button } from '@/components/ui';
import { ClipTextField } from './ClipTextField';
import { UploadProgress } from './UploadProgress';
import { uploadCaptionsFile, uploadImageFile } from './upload-image';
import { currentFrameAsJpeg } from './video-frame';

/** A button-styled file picker inside a node view. */
function PickFile({ label, accept, onPick }: { label: string; accept: string; onPick: (file: File) => void }) {
  return (
    <label className="inline-block cursor-pointer rounded border border-gray-900 px-3 py-1 text-sm font-semibold">
      {label}
      <input
        type="file"
        accept={accept}
        className="sr-only"
        onChange={(event) => {
          const file = event.target.files?.[0];
          if (file) onPick(file);
          event.target.value = '';
        }}
      />
    </label>
  );
}

export function VideoView({ node, updateAttributes, selected, extension }: NodeViewProps) {
  const clip = videoClip(node.attrs);
  const schoolSlug = (extension.options as { schoolSlug?: string }).schoolSlug ?? '';
  const [uploading, setUploading] = useState(0);
  const [errors, setErrors] = useState<string[]>([]);
  const player = useRef<HTMLVideoElement>(null);
  if (!clip) return <NodeViewWrapper as="figure">This video is not one of this paper’s uploads and will not be shown.</NodeViewWrapper>;

  async function attach(upload: Promise<{ ok: true; figure: { src: string } } | { ok: false; error: string }>, attribute: 'captionsSrc' | 'posterSrc') {
    setErrors([]);
    setUploading(1);
    const result = await upload;
    setUploading(0);
    if (result.ok) updateAttributes({ [attribute]: result.figure.src });
    else setErrors([result.error]);
  }

  async function posterFromShownFrame() {
    if (!player.current) return;
    player.current.pause();
    const frame = await currentFrameAsJpeg(player.current).catch((error: Error) => error);
    if (frame instanceof Error) setErrors([`The frame could not be taken: ${frame.message}.`]);
    else await attach(uploadImageFile(schoolSlug, frame), 'posterSrc');
  }

  return (
    <NodeViewWrapper as="figure" aria-label={`Video: ${clip.title || 'untitled'}`} className={`my-6 rounded border p-3 font-sans ${selected ? 'border-blue-600' : 'border-gray-300'}`}>
      <div contentEditable={false} className="space-y-2 text-sm">
        <p className="font-semibold">Video{clip.duration ? ` · ${formatDuration(clip.duration)}` : ''}</p>
        <video ref={player} controls preload="metadata" poster={clip.posterSrc ?? undefined} className="w-full" aria-label="Watch the upload">
          <source src={clip.src} type={asUploadedType(clip.src)} />
          {clip.captionsSrc && <track kind="captions" src={clip.captionsSrc} srcLang={clip.captionsLanguage} label="Captions" default />}
        </video>
        <ClipTextField label="Title (players show it)" value={clip.title} onChange={(title) => updateAttributes({ title })} />
        <p className={clip.captionsSrc ? 'text-gray-700' : 'text-amber-800'}>
          {clip.captionsSrc ? 'Captions attached (shown by default).' : 'No captions yet: readers who cannot hear it, or watch with the sound off, need them.'}
        </p>
        <div className="flex flex-wrap gap-2">
          <PickFile
            label={clip.captionsSrc ? 'Replace captions (.vtt)' : 'Add captions (.vtt)'}
            accept="text/vtt,.vtt"
            onPick={(file) => void attach(uploadCaptionsFile(schoolSlug, file), 'captionsSrc')}
          />
          <PickFile
            label={clip.posterSrc ? 'Replace poster picture' : 'Add a poster picture'}
            accept="image/jpeg,image/png,image/webp"
            onPick={(file) => void attach(uploadImageFile(schoolSlug, file), 'posterSrc')}
          />
          <Button type="button" variant="smallSecondary" disabled={uploading > 0} onClick={() => void posterFromShownFrame()}>
            Use the frame shown as the poster
          </Button>
        </div>
        <UploadProgress uploading={uploading} errors={errors} noun="file" />
      </div>
    </NodeViewWrapper>
  );
}
