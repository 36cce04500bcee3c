'use client';
// Audio in the editor: the recording to listen back to, its title and its transcript — what readers
// who cannot hear it read instead, and what the submit checklist asks for.
import { NodeViewWrapper, type NodeViewProps } from '@tiptap/react';
import { audioClip, formatDuration } from '@/lib/content/audio';
import { ClipTextField } from './ClipTextField';

export function AudioView({ node, updateAttributes, selected }: NodeViewProps) {
  const clip = audioClip(node.attrs);
  if (!clip) return <NodeViewWrapper as="figure">This audio is not one of this paper’s uploads and will not be shown.</NodeViewWrapper>;
  return (
    <NodeViewWrapper as="figure" aria-label={`Audio: ${clip.title || 'untitled'}`} className={`my-6 rounded border p-3 font-sans ${selected ? 'border-blue-600' : 'border-gray-300'}`}>
      <div contentEditable={false} className="space-y-2 text-sm">
        <p className="font-semibold">Audio{clip.duration ? ` · ${formatDuration(clip.duration)}` : ''}</p>
        <audio controls preload="metadata" src={clip.src} className="w-full" aria-label="Listen to the upload" />
        <ClipTextField label="Title (players and the podcast feed show it)" value={clip.title} onChange={(title) => updateAttributes({ title })} />
        <ClipTextField
          label="Transcript (for readers who cannot listen; a blank line between paragraphs)"
          rows={6}
          value={clip.transcript}
          onChange={(transcript) => updateAttributes({ transcript })}
        />
      </div>
    </NodeViewWrapper>
  );
}
