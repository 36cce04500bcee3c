import { createHash } from 'node:crypto';
import { canonicalJson } from '../content/canonical-json.ts';
import { withoutCommentAnchors } from '../content/comment-anchors.ts';
import type { ArticleDoc } from '../content/document.ts';

export interface ArticleContent {
  headline: string;
  deck: string;
  body: unknown;
  sectionId: string | null;
  tags: string[];
}

/** The hash an approval is recorded against: any edit to the content changes it; a reviewer's
 * comment anchors do not. */
export function contentHash(content: ArticleContent): string {
  const { headline, deck, sectionId, tags } = content;
  const body = withoutCommentAnchors(content.body as ArticleDoc);
  return createHash('sha256').update(canonicalJson({ headline, deck, body, sectionId, tags })).digest('hex');
}
