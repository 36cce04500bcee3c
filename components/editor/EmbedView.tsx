'use client';
// A YouTube or Vimeo video in the editor: which video, and the title readers see on its "Play"
// placeholder and that names its frame for screen readers. Nothing is loaded from the video site
// here either: the link opens it in a new tab for the reporter who wants to check it.
import { NodeViewWrapper, type NodeViewProps } from '@tiptap/react';
import { EMBED_PROVIDERS } from '@/lib/content/embed-providers';
import { videoEmbed } from '@/lib/content/embed';
import { ClipTextField } from './ClipTextField';

export function EmbedView({ node, updateAttributes, selected }: NodeViewProps) {
  const embed = videoEmbed(node.attrs);
  if (!embed) return <NodeViewWrapper as="figure">This video address is not one of YouTube’s or Vimeo’s and will not be shown.</NodeViewWrapper>;
  const provider = EMBED_PROVIDERS[embed.provider];
  return (
    <NodeViewWrapper
      as="figure"
      aria-label={`${provider.name} video: ${embed.title || 'untitled'}`}
      className={`my-6 rounded border p-3 font-sans ${selected ? 'border-blue-600' : 'border-gray-300'}`}
    >
      <div contentEditable={false} className="space-y-2 text-sm">
        <p>
          <span className="font-semibold">{provider.name} video</span> ·{' '}
          <a className="underline" href={provider.page(embed.videoId)} target="_blank" rel="noopener noreferrer">
            open it on {provider.name}
          </a>
        </p>
        <p className="text-gray-700">Readers see a “Play” placeholder; nothing loads from {provider.name} until they press it.</p>
        <ClipTextField label="Title (shown on the placeholder)" value={embed.title} onChange={(title) => updateAttributes({ title })} />
      </div>
    </NodeViewWrapper>
  );
}
