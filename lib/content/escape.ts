/** Text made safe inside HTML or XML, as element content or a quoted attribute. Control characters
 * are dropped: XML 1.0 does not allow them at all. */
export function escapeMarkup(value: string): string {
  return value
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}
