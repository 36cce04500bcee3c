// The submit checklist: what a story must have before editors see it. Each school chooses which
// items apply (schools.checklist); every failing item is reported against the field it concerns.
import { z } from 'zod';
import type { JSONContent } from '@tiptap/core';
import { countWords, docToPlainText } from '../content/document.ts';
import { storedFeaturedImage } from '../articles/featured-image.ts';

export const Checklist = z
  .object({
    headlineLength: z.boolean().default(true),
    minimumWords: z.boolean().default(true),
    byline: z.boolean().default(true),
    imageDetails: z.boolean().default(true),
  })
  .catch({ headlineLength: true, minimumWords: true, byline: true, imageDetails: true });
export type Checklist = z.output<typeof Checklist>;

export const CHECKLIST_LABELS: Record<keyof Checklist, string> = {
  headlineLength: 'A headline within the paper’s length limit',
  minimumWords: 'At least the paper’s minimum number of words',
  byline: 'At least one byline',
  imageDetails: 'Every image, the featured one too, has alt text, a caption and a credit',
};

interface Submission {
  headline: string;
  body: unknown;
  /** As stored (lib/articles/featured-image.ts). */
  featuredImage?: unknown;
  bylineCount: number;
}

interface SchoolRules {
  checklist: unknown;
  maxHeadlineLength: number;
  minimumWords: number;
}

function figures(node: JSONContent, found: JSONContent[] = []): JSONContent[] {
  if (node.type === 'figure') found.push(node);
  node.content?.forEach((child) => figures(child, found));
  return found;
}

/** Field errors for everything the school's checklist requires and the story lacks. */
export function checklistErrors(article: Submission, school: SchoolRules): Record<string, string> {
  const items = Checklist.parse(school.checklist ?? {});
  const errors: Record<string, string> = {};
  const headline = article.headline.trim();
  if (!headline) errors.headline = 'Write a headline before submitting.';
  else if (items.headlineLength && headline.length > school.maxHeadlineLength) {
    errors.headline = `The headline is ${headline.length} characters; this paper allows ${school.maxHeadlineLength}.`;
  }
  const words = countWords(docToPlainText(article.body as JSONContent, { captions: false }));
  if (items.minimumWords && words < school.minimumWords) errors.body = `The story has ${words} words; at least ${school.minimumWords} are needed.`;
  if (items.byline && article.bylineCount === 0) errors.bylines = 'Add at least one byline.';
  if (items.imageDetails) {
    const names = { alt: 'alt text', caption: 'a caption', credit: 'a credit' };
    const missing = (image: Record<string, unknown>) => (['alt', 'caption', 'credit'] as const).filter((field) => !String(image[field] ?? '').trim()).map((field) => names[field]);
    const featured = storedFeaturedImage(article.featuredImage);
    const featuredMissing = featured ? missing(featured) : [];
    if (featuredMissing.length > 0) errors.featuredImage = `The featured image needs ${featuredMissing.join(', ')}.`;
    figures(article.body as JSONContent).forEach((figure, index) => {
      const lacking = missing(figure.attrs ?? {});
      if (lacking.length > 0) errors[`images.${index}`] = `Image ${index + 1} needs ${lacking.join(', ')}.`;
    });
  }
  return errors;
}
