// How a commenter must sign, by the school's choice: most papers with student readers ask for a
// real name; some ask only for a first name and an initial.
import type { CommenterNamePolicy } from '../generated/prisma/enums.ts';

export const COMMENTER_NAME_POLICIES: Record<CommenterNamePolicy, { label: string; rule: string }> = {
  FULL_NAME: { label: 'First and last name', rule: 'Sign with your first and last name.' },
  FIRST_NAME_LAST_INITIAL: { label: 'First name and last initial', rule: 'Sign with your first name and the first letter of your last name, like “Jordan K.”' },
  ANY_NAME: { label: 'Any name', rule: 'Sign with the name you want readers to see.' },
};

/** The name as it will be shown, or why it does not follow the policy. */
export function commenterName(policy: CommenterNamePolicy, raw: string): { ok: true; name: string } | { ok: false; error: string } {
  const name = raw.trim().replace(/\s+/g, ' ');
  if (name.length < 2 || name.length > 60) return { ok: false, error: 'A name is 2 to 60 characters.' };
  if (/[<>@]|https?:|www\./i.test(name)) return { ok: false, error: 'A name has no links or addresses in it.' };
  const words = name.split(' ');
  const letters = (word: string) => word.match(/\p{L}/gu)?.length ?? 0;
  if (policy === 'FULL_NAME' && words.filter((word) => letters(word) >= 2).length < 2) return { ok: false, error: COMMENTER_NAME_POLICIES.FULL_NAME.rule };
  if (policy === 'FIRST_NAME_LAST_INITIAL') {
    const match = /^(\p{L}[\p{L}'’-]+) (\p{L})\.?$/u.exec(name);
    if (!match) return { ok: false, error: COMMENTER_NAME_POLICIES.FIRST_NAME_LAST_INITIAL.rule };
    return { ok: true, name: `${match[1]} ${match[2]!.toUpperCase()}.` };
  }
  return { ok: true, name };
}
