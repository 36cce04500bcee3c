import { createHash } from 'node:crypto';

export interface ArticleContent {
  headline: string;
  deck: string;
  body: unknown;
  sectionId: string | null;
  tags: string[];
}

// Keys sorted at every level, so equal content always hashes equal whatever order JSON arrived in.
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The hash an approval is recorded against: any edit to the content changes it. */
export function contentHash(content: ArticleContent): string {
  const { headline, deck, body, sectionId, tags } = content;
  return createHash('sha256').update(canonicalJson({ headline, deck, body, sectionId, tags })).digest('hex');
}
