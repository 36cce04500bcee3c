import type { FeaturedImage } from '@/lib/articles/featured-image';
import { FeaturedPicture } from './FeaturedPicture';

/** A story's featured image beside its headline in a list: a small 3:2 crop around the focal point. */
export function StoryThumbnail({ image }: { image: FeaturedImage }) {
  return (
    <div className="w-28 shrink-0 sm:w-40">
      <FeaturedPicture image={image} sizes="(min-width: 40rem) 10rem, 7rem" crop="3 / 2" />
    </div>
  );
}
