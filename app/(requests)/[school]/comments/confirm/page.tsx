import type { Metadata } from 'next';
import { mailedLinkPage } from '@/components/site/MailedLinkPage';
import { confirmComment } from '../actions';

export const metadata: Metadata = { title: 'Confirm your comment', robots: { index: false } };

export default mailedLinkPage({
  heading: (paper) => `Confirm your comment to ${paper}`,
  lead: 'Your comment reaches the editors once you confirm it.',
  label: 'Confirm my comment',
  action: confirmComment,
});
