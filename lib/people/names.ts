// How a member's name appears in public, under the school's name-display policy. Many student
// journalists are minors; some schools print only first name and last initial.
import type { NameDisplayPolicy } from '../generated/prisma/enums.ts';

export function publicName(fullName: string, policy: NameDisplayPolicy): string {
  const parts = fullName.trim().split(/\s+/);
  if (policy === 'FULL_NAME' || parts.length < 2) return fullName.trim();
  const last = parts[parts.length - 1]!;
  return `${parts.slice(0, -1).join(' ')} ${last.charAt(0).toUpperCase()}.`;
}
