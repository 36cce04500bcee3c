import { createHash } from 'node:crypto';
import { canonicalJson } from '../content/canonical-json.ts';
import { withoutCommentAnchors } from '../content/comment-anchors.ts';
import type { ArticleDoc } from '../content/document.ts';
import { withStoredForm } from '../content/story-forms.ts';
import { featuredImageContent, storedFeaturedImage } from './featured-image.ts';

export interface ArticleContent {
  headline: string;
  deck: string;
  body: unknown;
  sectionId: string | null;
  tags: string[];
}

/** Content with its featured image as stored (lib/articles/featured-image.ts): absent or null when
 * the story has none. */
export type ArticleContentWithImage = ArticleContent & { featuredImage?: unknown };

/** The hash an approval is recorded against: any edit to the content changes it; a reviewer's
 * comment anchors do not. A story without a featured image, or in the standard form, hashes as it
 * did before those existed, so approvals given then still hold. */
export function contentHash(content: ArticleContentWithImage): string {
  const { headline, deck, sectionId, tags } = content;
  const body = withStoredForm(withoutCommentAnchors(content.body as ArticleDoc));
  const image = storedFeaturedImage(content.featuredImage);
  return createHash('sha256')
    .update(canonicalJson({ headline, deck, body, sectionId, tags, ...(image ? { featuredImage: featuredImageContent(image) } : {}) }))
    .digest('hex');
}
