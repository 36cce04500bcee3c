// A newsletter's HTML and plain text, rendered once per send from one React component
// (components/email/NewsletterEmail.tsx) by React Email; each message then gets its reader's own
// unsubscribe link in place of a marker. Links and images are checked before anything is sent.
import { createElement } from 'react';
import { render } from '@react-email/render';
import { NewsletterEmail, type NewsletterEmailProps } from '../../components/email/NewsletterEmail.tsx';

/** Stands in for each reader's unsubscribe address until the message is sent. */
export const UNSUBSCRIBE_MARKER = 'https://masthead.invalid/unsubscribe-marker';

export async function renderNewsletter(props: Omit<NewsletterEmailProps, 'unsubscribeUrl'>): Promise<{ html: string; text: string }> {
  const element = createElement(NewsletterEmail, { ...props, unsubscribeUrl: UNSUBSCRIBE_MARKER });
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { html, text };
}

/** One reader's copy: their unsubscribe address where the marker is. */
export function personalize(rendered: string, unsubscribeUrl: string): string {
  return rendered.split(UNSUBSCRIBE_MARKER).join(unsubscribeUrl);
}

/** What would be wrong to send: a link or image that is not an absolute web address (a reader's
 * mail client has no page to resolve it against), an image without alt text, or no way to leave. */
export function problemsIn(html: string): string[] {
  const problems: string[] = [];
  for (const [, href] of html.matchAll(/<a\b[^>]*\bhref="([^"]*)"/gi)) if (!/^https?:\/\/[^/\s]+/i.test(href!)) problems.push(`A link goes to “${href}”, which is not a full web address.`);
  for (const [tag] of html.matchAll(/<img\b[^>]*>/gi)) {
    const src = /\bsrc="([^"]*)"/i.exec(tag)?.[1] ?? '';
    if (!/^https?:\/\//i.test(src)) problems.push(`An image comes from “${src}”, which is not a full web address.`);
    if (!/\balt="[^"]+"/i.test(tag)) problems.push(`An image (${src}) has no alt text.`);
  }
  if (!html.includes(UNSUBSCRIBE_MARKER)) problems.push('The message has no unsubscribe link.');
  return problems;
}
