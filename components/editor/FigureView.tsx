'use client';
// An image in the editor, with the fields every published photo needs (PhotoDetailsFields).
import { NodeViewWrapper, type NodeViewProps } from '@tiptap/react';
import { PhotoDetailsFields } from './PhotoDetailsFields';

export function FigureView({ node, updateAttributes, selected }: NodeViewProps) {
  const attrs = node.attrs as { src: string | null; alt: string; caption: string; credit: string };
  return (
    <NodeViewWrapper as="figure" className={`my-6 rounded border p-3 ${selected ? 'border-blue-600' : 'border-gray-300'}`}>
      {attrs.src && <img src={attrs.src} alt={attrs.alt} className="max-h-96 w-auto" draggable={false} data-drag-handle="" />}
      <div className="mt-3" contentEditable={false}>
        <PhotoDetailsFields details={attrs} onChange={updateAttributes} />
      </div>
    </NodeViewWrapper>
  );
}
