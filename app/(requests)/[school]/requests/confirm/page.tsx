import type { Metadata } from 'next';
import { mailedLinkPage } from '@/components/site/MailedLinkPage';
import { confirmFiledRequest } from '../actions';

export const metadata: Metadata = { title: 'Confirm your request', robots: { index: false } };

export default mailedLinkPage({
  heading: (paper) => `Confirm your request to ${paper}`,
  lead: 'Your request reaches the editors once you confirm it.',
  label: 'Confirm my request',
  action: confirmFiledRequest,
});
