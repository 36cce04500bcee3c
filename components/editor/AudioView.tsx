'use client';
// Audio in the editor: the recording to listen back to, its title and its transcript — what readers
// who cannot hear it read instead, and what the submit checklist asks for.
import { NodeViewWrapper, type NodeViewProps } from '@tiptap/react';
import { useId } from 'react';
import { audioClip, formatDuration } from '@/lib/content/audio';

export function AudioView({ node, updateAttributes, selected }: NodeViewProps) {
  const clip = audioClip(node.attrs);
  const id = useId();
  if (!clip) return <NodeViewWrapper as="figure">This audio is not one of this paper’s uploads and will not be shown.</NodeViewWrapper>;
  // Outlined while empty, as a photo's details are (PhotoDetailsFields).
  const missing = (value: string) => (value.trim() ? 'border-gray-400' : 'border-amber-600');
  return (
    <NodeViewWrapper as="figure" aria-label={`Audio: ${clip.title || 'untitled'}`} className={`my-6 rounded border p-3 font-sans ${selected ? 'border-blue-600' : 'border-gray-300'}`}>
      <div contentEditable={false} className="space-y-2 text-sm">
        <p className="font-semibold">Audio{clip.duration ? ` · ${formatDuration(clip.duration)}` : ''}</p>
        <audio controls preload="metadata" src={clip.src} className="w-full" aria-label="Listen to the upload" />
        <label className="block" htmlFor={`${id}-title`}>
          <span className="text-gray-700">Title (players and the podcast feed show it)</span>
          <input
            id={`${id}-title`}
            type="text"
            value={clip.title}
            onChange={(event) => updateAttributes({ title: event.target.value })}
            className={`mt-1 block w-full rounded border px-2 py-1 ${missing(clip.title)}`}
          />
        </label>
        <label className="block" htmlFor={`${id}-transcript`}>
          <span className="text-gray-700">Transcript (for readers who cannot listen; a blank line between paragraphs)</span>
          <textarea
            id={`${id}-transcript`}
            rows={6}
            value={clip.transcript}
            onChange={(event) => updateAttributes({ transcript: event.target.value })}
            className={`mt-1 block w-full rounded border px-2 py-1 ${missing(clip.transcript)}`}
          />
        </label>
      </div>
    </NodeViewWrapper>
  );
}
