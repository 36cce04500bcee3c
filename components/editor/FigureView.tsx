'use client';
// An image in the editor, with the three fields every published photo needs: alt text for screen
// readers, a caption, and a credit.
import { NodeViewWrapper, type NodeViewProps } from '@tiptap/react';

const FIELDS = [
  { name: 'alt', label: 'Alt text (describe the image for readers who cannot see it)' },
  { name: 'caption', label: 'Caption' },
  { name: 'credit', label: 'Photo credit' },
] as const;

export function FigureView({ node, updateAttributes, selected }: NodeViewProps) {
  const attrs = node.attrs as { src: string | null; alt: string; caption: string; credit: string };
  return (
    <NodeViewWrapper as="figure" className={`my-6 rounded border p-3 ${selected ? 'border-blue-600' : 'border-gray-300'}`}>
      {attrs.src && <img src={attrs.src} alt={attrs.alt} className="max-h-96 w-auto" draggable={false} data-drag-handle="" />}
      <div className="mt-3 space-y-2 font-sans text-sm" contentEditable={false}>
        {FIELDS.map((field) => (
          <label key={field.name} className="block">
            <span className="text-gray-700">{field.label}</span>
            <input
              type="text"
              value={attrs[field.name] ?? ''}
              onChange={(event) => updateAttributes({ [field.name]: event.target.value })}
              className={`mt-1 block w-full rounded border px-2 py-1 ${field.name !== 'caption' && !attrs[field.name] ? 'border-amber-600' : 'border-gray-400'}`}
            />
          </label>
        ))}
      </div>
    </NodeViewWrapper>
  );
}
