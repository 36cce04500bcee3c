import type { Metadata } from 'next';
import { mailedLinkPage } from '@/components/site/MailedLinkPage';
import { confirmSignUp } from '../actions';

export const metadata: Metadata = { title: 'Confirm your sign-up', robots: { index: false } };

export default mailedLinkPage({
  heading: (paper) => `Confirm your sign-up — ${paper}`,
  lead: 'Your newsletters start once you confirm.',
  label: 'Confirm my sign-up',
  action: confirmSignUp,
});
