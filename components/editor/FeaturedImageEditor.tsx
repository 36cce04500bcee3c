'use client';
// The story's featured image in the editor: choose or replace the photo, say what every published
// photo needs, and pick the point that crops keep in view (by clicking the photo, or with the two
// sliders from the keyboard). It is saved with the story like the headline.
import type { MouseEvent } from 'react';
import type { FeaturedImage } from '@/lib/articles/featured-image';
import { ErrorText, buttonClass } from '@/components/ui';
import { MediaLibraryPicker } from './MediaLibraryPicker';
import { PhotoDetailsFields } from './PhotoDetailsFields';
import { PhotoPicker } from './PhotoPicker';
import type { UploadedFigure } from './upload-image';

interface FeaturedImageEditorProps {
  schoolSlug: string;
  image: FeaturedImage | null;
  error?: string;
  onChange: (image: FeaturedImage | null) => void;
}

const percent = (fraction: number) => Math.round(fraction * 100);

export function FeaturedImageEditor({ schoolSlug, image, error, onChange }: FeaturedImageEditorProps) {
  // A new photo needs its own description; nothing said of the old one carries over.
  const choose = ({ id, src, width, height }: UploadedFigure) => onChange({ mediaId: id, src, width, height, alt: '', caption: '', credit: '', focalX: 0.5, focalY: 0.5 });

  const pickFocalPoint = (event: MouseEvent<HTMLImageElement>) => {
    if (!image) return;
    const box = event.currentTarget.getBoundingClientRect();
    const clamp = (value: number) => Math.min(1, Math.max(0, Math.round(value * 100) / 100));
    onChange({ ...image, focalX: clamp((event.clientX - box.left) / box.width), focalY: clamp((event.clientY - box.top) / box.height) });
  };

  const filePicker = (label: string) => <PhotoPicker schoolSlug={schoolSlug} label={label} onUploaded={choose} />;

  return (
    <section aria-labelledby="featured-image-heading" className="rounded border border-gray-300 p-4">
      <h2 id="featured-image-heading" className="font-semibold">
        Featured image
      </h2>
      <p className="text-sm text-gray-700">Shown with the story on the front page, in section and issue lists, in link previews and in feeds.</p>
      {image ? (
        <div className="mt-3 grid gap-4 md:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
          <div>
            <div className="relative">
              {/* The click is a shortcut for the sliders below, which keyboards and screen readers use. */}
              <img src={image.src} alt={image.alt} width={image.width} height={image.height} className="block h-auto w-full cursor-crosshair" onClick={pickFocalPoint} />
              <span
                aria-hidden="true"
                className="pointer-events-none absolute h-5 w-5 -translate-x-1/2 -translate-y-1/2 rounded-full border-2 border-white bg-blue-600/60 shadow"
                style={{ left: `${percent(image.focalX)}%`, top: `${percent(image.focalY)}%` }}
              />
            </div>
            <p className="mt-1 text-xs text-gray-700">Click the photo, or use the sliders, to choose what crops keep in view.</p>
            <div className="mt-2 grid grid-cols-2 gap-3 text-sm">
              <label>
                Focal point across <span className="text-gray-700">({percent(image.focalX)}%)</span>
                <input type="range" min={0} max={100} value={percent(image.focalX)} onChange={(event) => onChange({ ...image, focalX: Number(event.target.value) / 100 })} className="block w-full" />
              </label>
              <label>
                Focal point down <span className="text-gray-700">({percent(image.focalY)}%)</span>
                <input type="range" min={0} max={100} value={percent(image.focalY)} onChange={(event) => onChange({ ...image, focalY: Number(event.target.value) / 100 })} className="block w-full" />
              </label>
            </div>
            <div className="mt-2 flex items-end gap-3" aria-hidden="true">
              {(['16 / 9', '3 / 2', '1 / 1'] as const).map((ratio) => (
                <img key={ratio} src={image.src} alt="" className="w-20 object-cover" style={{ aspectRatio: ratio, objectPosition: `${percent(image.focalX)}% ${percent(image.focalY)}%` }} />
              ))}
            </div>
          </div>
          <div className="space-y-3">
            <PhotoDetailsFields idPrefix="featured" details={image} onChange={(patch) => onChange({ ...image, ...patch })} />
            <div className="flex flex-wrap gap-2">
              {filePicker('Replace photo')}
              <button type="button" className={buttonClass.smallSecondary} onClick={() => onChange(null)}>
                Remove featured image
              </button>
            </div>
          </div>
        </div>
      ) : (
        <div className="mt-3">{filePicker('Choose a featured image')}</div>
      )}
      <MediaLibraryPicker
        schoolSlug={schoolSlug}
        label={image ? 'Replace it with a photo from the library' : 'Choose a photo from the library'}
        onPick={({ id, src, width, height, alt, caption, credit }) => width && height && onChange({ mediaId: id, src, width, height, alt, caption, credit, focalX: 0.5, focalY: 0.5 })}
      />
      {error && <ErrorText className="mt-2">{error}</ErrorText>}
    </section>
  );
}
