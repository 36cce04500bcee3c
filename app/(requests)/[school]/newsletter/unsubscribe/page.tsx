import type { Metadata } from 'next';
import { mailedLinkPage } from '@/components/site/MailedLinkPage';
import { leave } from '../actions';

export const metadata: Metadata = { title: 'Unsubscribe', robots: { index: false } };

export default mailedLinkPage({
  heading: (paper) => `Unsubscribe — ${paper}`,
  lead: 'One click, and this address receives no more newsletters from the paper.',
  label: 'Unsubscribe',
  action: leave,
});
