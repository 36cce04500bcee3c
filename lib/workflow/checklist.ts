// The submit checklist: what a story must have before editors see it. Each school chooses which
// items apply (schools.checklist); every failing item is reported against the field it concerns.
import { z } from 'zod';
import type { JSONContent } from '@tiptap/core';
import { countWords, docToPlainText, nodesOfType } from '../content/document.ts';
import { storedFeaturedImage } from '../articles/featured-image.ts';
import { galleryPhotos } from '../content/gallery.ts';

/** The school's choice of rules, as the settings form sends it: every rule is on unless turned off. */
export const ChecklistChoice = z.object({
  headlineLength: z.boolean().default(true),
  minimumWords: z.boolean().default(true),
  byline: z.boolean().default(true),
  imageDetails: z.boolean().default(true),
  audioTranscripts: z.boolean().default(true),
  videoCaptions: z.boolean().default(true),
});
/** As stored: anything unreadable counts as every rule on. */
export const Checklist = ChecklistChoice.catch(() => ChecklistChoice.parse({}));
export type Checklist = z.output<typeof Checklist>;

/** The choice from the settings form's checkboxes (one per rule, all named "checklist"). */
export function checklistFromTicked(ticked: readonly string[]): Checklist {
  return Object.fromEntries(Object.keys(CHECKLIST_LABELS).map((rule) => [rule, ticked.includes(rule)])) as Checklist;
}

export const CHECKLIST_LABELS: Record<keyof Checklist, string> = {
  headlineLength: 'A headline within the paper’s length limit',
  minimumWords: 'At least the paper’s minimum number of words',
  byline: 'At least one byline',
  imageDetails: 'Every image, featured and in galleries too, has alt text, a caption and a credit',
  audioTranscripts: 'Every audio clip has a title and a transcript',
  videoCaptions: 'Every video has a title and captions',
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

/** Every photo in the body, named as the checklist reports it: "Image 2", "Gallery 1, photo 3". */
function photos(node: JSONContent, found: { name: string; key: string; details: Record<string, unknown> }[] = [], counts = { figures: 0, galleries: 0 }) {
  if (node.type === 'figure') {
    found.push({ name: `Image ${counts.figures + 1}`, key: `images.${counts.figures}`, details: node.attrs ?? {} });
    counts.figures++;
  }
  if (node.type === 'gallery') {
    const gallery = counts.galleries++;
    galleryPhotos(node.attrs?.photos).forEach((photo, index) => found.push({ name: `Gallery ${gallery + 1}, photo ${index + 1}`, key: `galleries.${gallery}.${index}`, details: photo }));
  }
  node.content?.forEach((child) => photos(child, found, counts));
  return found;
}

const CLIP_NAMES = { audio: 'Audio', video: 'Video', embed: 'Embedded video' } as const;

/** For each clip that lacks them, what it lacks ("a title and captions"), keyed as the checklist reports it. */
function lackingParts(body: unknown, type: 'audio' | 'video' | 'embed', parts: Record<string, string>): Record<string, string> {
  const errors: Record<string, string> = {};
  nodesOfType(body as JSONContent, type).forEach((clip, index) => {
    const lacking = Object.entries(parts)
      .filter(([field]) => !String(clip[field] ?? '').trim())
      .map(([, name]) => name);
    if (lacking.length > 0) errors[`${type}.${index}`] = `${CLIP_NAMES[type]} ${index + 1} needs ${lacking.join(' and ')}.`;
  });
  return errors;
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
    for (const photo of photos(article.body as JSONContent)) {
      const lacking = missing(photo.details);
      if (lacking.length > 0) errors[photo.key] = `${photo.name} needs ${lacking.join(', ')}.`;
    }
  }
  // Readers who cannot hear a clip read it instead (WCAG 1.2.1 and 1.2.2); a title names it in players.
  if (items.audioTranscripts) Object.assign(errors, lackingParts(article.body, 'audio', { title: 'a title', transcript: 'a transcript' }));
  if (items.videoCaptions) {
    Object.assign(errors, lackingParts(article.body, 'video', { title: 'a title', captionsSrc: 'captions' }));
    // Its frame is named by the title; the captions are the video site's (turned on for readers).
    Object.assign(errors, lackingParts(article.body, 'embed', { title: 'a title' }));
  }
  return errors;
}
