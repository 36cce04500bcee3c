'use client';
// A gallery in the editor: its photos in order, each with the fields every published photo needs,
// moved up or down, removed, or added to. What is saved is the gallery node's list of photos.
import { NodeViewWrapper, type NodeViewProps } from '@tiptap/react';
import { useEffect, useRef, useState } from 'react';
import { galleryPhotos, type GalleryPhoto } from '@/lib/content/gallery';
import { buttonClass } from '@/components/ui';
import { PhotoDetailsFields } from './PhotoDetailsFields';
import { UploadProgress } from './UploadProgress';
import { uploadImageFiles } from './upload-image';

export function GalleryView({ node, updateAttributes, selected, extension }: NodeViewProps) {
  const photos = galleryPhotos(node.attrs.photos);
  const schoolSlug = (extension.options as { schoolSlug?: string }).schoolSlug ?? '';
  const [uploading, setUploading] = useState(0);
  const [errors, setErrors] = useState<string[]>([]);
  // The photos as they stand when an upload finishes: the reporter may have edited captions meanwhile.
  const latest = useRef(photos);
  useEffect(() => {
    latest.current = photos;
  });
  const setPhotos = (next: GalleryPhoto[]) => updateAttributes({ photos: next });
  const move = (index: number, by: -1 | 1) => {
    const next = [...photos];
    [next[index], next[index + by]] = [next[index + by]!, next[index]!];
    setPhotos(next);
  };
  const add = async (files: File[]) => {
    setErrors([]);
    setUploading(files.length);
    const { figures, failures } = await uploadImageFiles(schoolSlug, files, () => setUploading((count) => count - 1));
    setErrors(failures);
    setPhotos([...latest.current, ...figures.map(({ id, src, width, height }) => ({ src, mediaId: id, width, height, alt: '', caption: '', credit: '' }))]);
  };

  return (
    <NodeViewWrapper as="section" aria-label={`Gallery, ${photos.length} photos`} className={`my-6 rounded border p-3 font-sans ${selected ? 'border-blue-600' : 'border-gray-300'}`}>
      <p className="text-sm font-semibold" contentEditable={false}>
        Gallery · {photos.length} photo{photos.length === 1 ? '' : 's'}
      </p>
      <ol className="mt-2 space-y-4" contentEditable={false}>
        {photos.map((photo, index) => (
          <li key={`${photo.mediaId ?? photo.src}-${index}`} className="grid gap-3 sm:grid-cols-[10rem_minmax(0,1fr)]">
            <img src={photo.src} alt={photo.alt} className="w-40 rounded" draggable={false} />
            <div>
              <PhotoDetailsFields details={photo} onChange={(patch) => setPhotos(photos.map((each, at) => (at === index ? { ...each, ...patch } : each)))} />
              <div className="mt-2 flex flex-wrap gap-2 text-sm">
                <button type="button" className={buttonClass.row} disabled={index === 0} onClick={() => move(index, -1)}>
                  Move photo {index + 1} earlier
                </button>
                <button type="button" className={buttonClass.row} disabled={index === photos.length - 1} onClick={() => move(index, 1)}>
                  Move photo {index + 1} later
                </button>
                <button type="button" className={buttonClass.row} onClick={() => setPhotos(photos.filter((_, at) => at !== index))}>
                  Remove photo {index + 1}
                </button>
              </div>
            </div>
          </li>
        ))}
      </ol>
      <div className="mt-3" contentEditable={false}>
        <label className={`${buttonClass.smallSecondary} inline-block cursor-pointer`}>
          Add photos to the gallery
          <input
            type="file"
            multiple
            accept="image/jpeg,image/png,image/gif,image/webp"
            className="sr-only"
            onChange={(event) => {
              void add(Array.from(event.target.files ?? []));
              event.target.value = '';
            }}
          />
        </label>
        <UploadProgress uploading={uploading} errors={errors} noun="photo" />
      </div>
    </NodeViewWrapper>
  );
}
