// Starting an article from a file a reporter already wrote: .docx from Word or Google Docs, or
// plain text. The byline block at the foot ("<Student Reporter Andrew Choi>…") becomes bylines:
// staff members when the name matches one, guest contributors otherwise.
import type { Actor } from '../auth/actor.ts';
import { dbFor } from '../db.ts';
import { importDocx } from '../content/import-html.ts';
import { extractBylines, importPlainText, type ImportedText } from '../content/import-text.ts';
import { sniffDocumentType } from '../media/sniff.ts';
import { fail, type Result } from '../result.ts';
import { BYLINE_TITLES, type BylineEntry } from './bylines.ts';
import { createDraft } from './drafts.ts';

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

async function readDocument(bytes: Buffer, filename: string): Promise<Result<ImportedText>> {
  const type = sniffDocumentType(bytes);
  if (type === 'docx' && /\.docx$/i.test(filename)) {
    try {
      return { ok: true, data: extractBylines(await importDocx(bytes)) };
    } catch {
      return fail(422, 'This Word document could not be read.', { file: 'This Word document could not be read; save it again as .docx and retry.' });
    }
  }
  if (type === 'text' && !/\.(docx?|pdf|html?)$/i.test(filename)) return { ok: true, data: importPlainText(bytes.toString('utf8')) };
  return fail(415, 'Import a Word document (.docx) or a plain-text file (.txt).', { file: 'Import a Word document (.docx) or a plain-text file (.txt).' });
}

export async function importArticle(actor: Actor, file: { bytes: Buffer; filename: string }): Promise<Result<{ id: string; version: number }>> {
  if (file.bytes.length === 0) return fail(422, 'The file is empty.', { file: 'The file is empty.' });
  if (file.bytes.length > MAX_IMPORT_BYTES) return fail(413, 'Files to import can be at most 5 MB.', { file: 'Files to import can be at most 5 MB.' });
  const read = await readDocument(file.bytes, file.filename);
  if (!read.ok) return read;
  const staff = await dbFor(actor.schoolId).membership.findMany({ where: { schoolId: actor.schoolId, status: { not: 'DEACTIVATED' } }, select: { id: true, displayName: true } });
  const byName = new Map(staff.map((member) => [member.displayName.toLowerCase(), member.id]));
  const bylines: BylineEntry[] = read.data.bylines.map((byline) => {
    const title = (BYLINE_TITLES as readonly string[]).includes(byline.title) ? (byline.title as BylineEntry['title']) : 'Student Reporter';
    const membershipId = byName.get(byline.name.toLowerCase()) ?? null;
    return { membershipId, guestName: membershipId ? null : byline.name, title };
  });
  return createDraft(actor, { body: read.data.doc, ...(bylines.length > 0 ? { bylines } : {}) }, { kind: 'IMPORT' });
}
