import { createHash } from 'node:crypto';
import { canonicalJson } from '../content/canonical-json.ts';

export interface ArticleContent {
  headline: string;
  deck: string;
  body: unknown;
  sectionId: string | null;
  tags: string[];
}

/** The hash an approval is recorded against: any edit to the content changes it. */
export function contentHash(content: ArticleContent): string {
  const { headline, deck, body, sectionId, tags } = content;
  return createHash('sha256').update(canonicalJson({ headline, deck, body, sectionId, tags })).digest('hex');
}
