// CSV for spreadsheets (RFC 4180, CRLF lines). A cell that begins like a formula (=, +, -, @) is
// prefixed with an apostrophe, so text a reader or a student typed — a headline, an address —
// cannot run as a formula when the adviser opens the file.

function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A header row and data rows as one CSV text. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
