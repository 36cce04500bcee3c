import type { FeaturedImage } from '@/lib/articles/featured-image';
import { pictureSourcesFor, srcsetFor } from '@/lib/media/variants';

interface FeaturedPictureProps {
  image: FeaturedImage;
  /** How wide the picture is drawn, for the browser's choice among the renditions. */
  sizes: string;
  /** Above the fold (the lead story, the article's own photo): loaded at once and first. */
  priority?: boolean;
  /** A fixed frame, filled around the photo's focal point; the whole photo when left out. */
  crop?: '3 / 2' | '16 / 9';
  className?: string;
}

/** A featured image as readers get it: AVIF or WebP where the browser takes them, the upload's own
 * format otherwise, in the width it needs. Its width and height reserve the space before it loads,
 * so nothing on the page moves; below the fold it waits until the reader scrolls near. */
export function FeaturedPicture({ image, sizes, priority = false, crop, className = '' }: FeaturedPictureProps) {
  const srcSet = srcsetFor(image.src, image.width) ?? undefined;
  return (
    <picture>
      {pictureSourcesFor(image.src, image.width).map((source) => (
        <source key={source.type} type={source.type} srcSet={source.srcSet} sizes={sizes} />
      ))}
      <img
        src={image.src}
        srcSet={srcSet}
        sizes={sizes}
        alt={image.alt}
        width={image.width}
        height={image.height}
        loading={priority ? 'eager' : 'lazy'}
        fetchPriority={priority ? 'high' : undefined}
        decoding="async"
        className={`block h-auto w-full bg-gray-100 ${crop ? 'object-cover' : ''} ${className}`}
        style={crop ? { aspectRatio: crop, objectPosition: `${Math.round(image.focalX * 100)}% ${Math.round(image.focalY * 100)}%` } : undefined}
      />
    </picture>
  );
}
