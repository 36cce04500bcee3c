// Moving in from WordPress: read an export (wxr.ts), turn its posts into our documents
// (content.ts), and import them into a school (import.ts).
import { actorInSchool, type Actor } from '../auth/actor.ts';
import { PLATFORM, dbFor } from '../db.ts';
import { fail, ok, type Result } from '../result.ts';
import { importWordPress, type ImportOptions, type ImportReport } from './import.ts';
import { parseWxr } from './wxr.ts';

export { importWordPress, type ImportReport } from './import.ts';
export { parseWxr, MAX_WXR_BYTES, type WxrFile } from './wxr.ts';

/** Reads and imports an export file: a file that is not a readable WXR is refused before anything
 * is written. */
export async function importWordPressFile(actor: Actor, bytes: Buffer, options: ImportOptions = {}): Promise<Result<ImportReport>> {
  const parsed = parseWxr(bytes);
  return parsed.ok ? importWordPress(actor, parsed.data, options) : parsed;
}

/** Who an import from the command line acts as: the member with this e-mail, or the school's first
 * adviser (an import is the adviser's decision, and the audit log names them). */
export async function importerFor(schoolSlug: string, email?: string): Promise<Result<Actor>> {
  const school = await dbFor(PLATFORM).school.findUnique({ where: { slug: schoolSlug }, select: { id: true, slug: true } });
  if (!school) return fail(404, `No school has the address “${schoolSlug}”.`);
  const member = await dbFor(school.id).membership.findFirst({
    where: { schoolId: school.id, status: 'ACTIVE', ...(email ? { user: { email: email.toLowerCase() } } : { role: { in: ['ADVISER', 'SCHOOL_ADMIN'] } }) },
    orderBy: { createdAt: 'asc' },
    select: { userId: true },
  });
  const actor = member ? await actorInSchool(member.userId, school) : null;
  return actor ? ok(actor) : fail(404, email ? `${email} is not an active member of ${schoolSlug}.` : `${schoolSlug} has no active adviser to import as; name one with --as.`);
}
