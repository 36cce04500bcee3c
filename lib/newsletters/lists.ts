// The newsletters a school sends, as readers choose them when they sign up.
import type { NewsletterList } from '../generated/prisma/enums.ts';

export const NEWSLETTER_LISTS: Record<NewsletterList, { label: string; description: string }> = {
  NEW_ISSUE: { label: 'Each new issue', description: 'The stories of every issue of the paper, when it comes out.' },
  WEEKLY_DIGEST: { label: 'Weekly digest', description: 'The week’s stories, once a week.' },
  BREAKING: { label: 'Breaking news', description: 'Only when something big happens at school.' },
};

export const LIST_KEYS = Object.keys(NEWSLETTER_LISTS) as NewsletterList[];
