// Bounces and complaints reported by the mail provider (its webhook, or a relay script that reads
// the bounce mailbox) to POST /api/mail/events with the shared secret MASTHEAD_MAIL_EVENTS_TOKEN.
// A hard bounce or a complaint suppresses the address; a soft bounce changes nothing.
import { timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { ok, parseInput, type Result } from '../result.ts';
import { suppressAddress } from './subscribers.ts';

const MailEvent = z.object({
  type: z.enum(['bounce', 'complaint'], { error: 'type is “bounce” or “complaint”.' }),
  email: z.string().trim().toLowerCase().email('email is the address the event is about.'),
  /** A bounce is permanent (no such mailbox) unless the provider says it is not. */
  permanent: z.boolean().default(true),
  detail: z.string().max(500).default(''),
});
export const MailEvents = z.union([MailEvent, z.array(MailEvent).max(1000, 'At most 1,000 events at once.')]);

/** Whether the request carries the configured secret (and one is configured at all). */
export function mailEventsAuthorized(authorization: string | null): boolean {
  const secret = process.env.MASTHEAD_MAIL_EVENTS_TOKEN;
  if (!secret || !authorization?.startsWith('Bearer ')) return false;
  const given = Buffer.from(authorization.slice('Bearer '.length));
  const expected = Buffer.from(secret);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export async function recordMailEvents(input: unknown): Promise<Result<{ suppressed: number }>> {
  const parsed = parseInput(MailEvents, input);
  if (!parsed.ok) return parsed;
  let suppressed = 0;
  for (const event of [parsed.data].flat()) {
    if (event.type === 'bounce' && !event.permanent) continue;
    suppressed += await suppressAddress(event.email, `${event.type === 'bounce' ? 'Bounced' : 'Marked as spam'}${event.detail ? `: ${event.detail}` : ''}`);
  }
  return ok({ suppressed });
}
