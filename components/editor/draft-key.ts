// What the editor sends in a save, and a short fingerprint of it. The fingerprint lets a tab
// recognise its own earlier save when the server reports it back as "someone else's" (a save the
// tab gave up on, but the server still received).
import { canonicalJson } from '@/lib/content/canonical-json';
import type { ArticleDoc } from '@/lib/content/document';
import { withStoredForm } from '@/lib/content/story-forms';
import type { FeaturedImage } from '@/lib/articles/featured-image';

export interface DraftByline {
  membershipId: string | null;
  guestName: string | null;
  title: string;
}

export interface DraftFields {
  headline: string;
  deck: string;
  sectionId: string | null;
  tags: string[];
  body: ArticleDoc;
  featuredImage: FeaturedImage | null;
  bylines: DraftByline[];
}

export function normalizeDraft(fields: DraftFields): DraftFields {
  return {
    headline: fields.headline,
    deck: fields.deck,
    sectionId: fields.sectionId || null,
    tags: [...new Set(fields.tags.map((tag) => tag.trim()).filter(Boolean))],
    // As the server stores it: the editor's document names even the standard form.
    body: withStoredForm(fields.body),
    // A draft kept in this browser before featured images existed has none.
    featuredImage: fields.featuredImage ?? null,
    bylines: fields.bylines.map(({ membershipId, guestName, title }) => ({ membershipId: membershipId || null, guestName: membershipId ? null : guestName, title })),
  };
}

/** FNV-1a over the canonical JSON: cheap, stable across tabs, and collisions cost only a conflict view. */
export function draftFingerprint(fields: DraftFields): string {
  const text = canonicalJson(normalizeDraft(fields));
  let hash = 0xcbf29ce484222325n;
  for (let index = 0; index < text.length; index++) {
    hash ^= BigInt(text.charCodeAt(index));
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash.toString(36);
}
