// How a member's name appears in public, under the school's name-display policy. Many student
// journalists are minors; some schools print only first name and last initial.
import type { NameDisplayPolicy } from '../generated/prisma/enums.ts';

export function publicName(fullName: string, policy: NameDisplayPolicy): string {
  const parts = fullName.trim().split(/\s+/);
  if (policy === 'FULL_NAME' || parts.length < 2) return fullName.trim();
  const last = parts[parts.length - 1]!;
  return `${parts.slice(0, -1).join(' ')} ${last.charAt(0).toUpperCase()}.`;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A member's own words (a bio) with their name shown as the policy shows it everywhere else:
 * under "first name and last initial", neither the full name nor the surname appears. */
export function withPublicName(text: string, fullName: string, policy: NameDisplayPolicy): string {
  const parts = fullName.trim().split(/\s+/);
  if (policy === 'FULL_NAME' || parts.length < 2) return text;
  const last = parts[parts.length - 1]!;
  return text
    .replace(new RegExp(escape(fullName.trim()).replace(/\s+/g, '\\s+'), 'giu'), publicName(fullName, policy))
    .replace(new RegExp(`(?<![\\p{L}\\p{N}])${escape(last)}(?![\\p{L}\\p{N}])`, 'gu'), `${last.charAt(0).toUpperCase()}.`);
}
