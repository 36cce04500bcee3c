import type { FeaturedImage } from '@/lib/articles/featured-image';
import { FeaturedPicture } from './FeaturedPicture';

/** A story's featured image at the head of its page, with its caption and credit; as wide as the
 * screen in the forms that bleed (lib/content/story-forms.ts). */
export function PhotoFigure({ image, fullBleed = false }: { image: FeaturedImage; fullBleed?: boolean }) {
  return (
    <figure className="my-6" data-featured-image="">
      <FeaturedPicture image={image} sizes={fullBleed ? '100vw' : '(min-width: 42rem) 42rem, 100vw'} priority />
      {(image.caption || image.credit) && (
        <figcaption className="photo-caption">
          {image.caption && <span className="caption">{image.caption}</span>}
          {image.credit && <span className="credit">{image.credit}</span>}
        </figcaption>
      )}
    </figure>
  );
}
