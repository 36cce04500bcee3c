// Turns a plain-text story (as reporters paste it from e-mail or a .txt export) into our article
// format: subheads, paragraphs, block quotes, and the byline block students put at the end
// ("<Student Reporter Andrew Choi>reporter@example.edu" and a one-line bio).
import type { JSONContent } from '@tiptap/core';
import type { ArticleDoc } from './document.ts';

export interface ImportedByline {
  title: string;
  name: string;
  email: string | null;
  bio: string | null;
}

export interface ImportedText {
  doc: ArticleDoc;
  bylines: ImportedByline[];
}

const BYLINE_LINE = /^<\s*(Student Reporter|Staff Writer|Photographer|Contributor|Guest Writer|Reporter|Editor)\s+([^>]+?)\s*>\s*(\S+@\S+)?\s*$/i;
const BIO_LINE = /^(.+?) is an? .{2,60}? (?:student|senior|junior|sophomore|freshman)\b.*$/i;
// A quotation long enough to be set apart: a sentence or more inside curly or straight quotes.
const LONG_QUOTE = /[“"]([^”"]{60,})[”"]\.?/;

function text(value: string): JSONContent[] {
  return value ? [{ type: 'text', text: value }] : [];
}

function paragraph(value: string): JSONContent {
  return { type: 'paragraph', content: text(value) };
}

function looksLikeSubhead(line: string, next: string | undefined): boolean {
  const words = line.split(/\s+/).length;
  return line.length <= 80 && words <= 10 && !/[.!?:;,”"’)]$/.test(line) && /^[\p{Lu}\p{N}“"‘']/u.test(line) && next !== undefined && next.trim().length > line.length;
}

/** Lines that a hard wrap broke off a paragraph start in lower case; they continue the previous one. */
function joinWrappedLines(lines: string[]): string[] {
  const joined: string[] = [];
  for (const raw of lines) {
    const line = raw.trim();
    if (!line) {
      joined.push('');
      continue;
    }
    const previous = joined[joined.length - 1];
    if (previous && /^[\p{Ll}]/u.test(line)) joined[joined.length - 1] = `${previous} ${line}`;
    else joined.push(line);
  }
  return joined.filter((line) => line !== '');
}

function paragraphWithQuote(line: string): JSONContent[] {
  const match = LONG_QUOTE.exec(line);
  if (!match || match.index === undefined) return [paragraph(line)];
  const before = line.slice(0, match.index).trim();
  const after = line.slice(match.index + match[0].length).trim();
  const blocks: JSONContent[] = [];
  if (before) blocks.push(paragraph(before));
  blocks.push({ type: 'blockquote', content: [paragraph(`“${match[1]!.trim()}”`)] });
  if (after) blocks.push(paragraph(after));
  return blocks;
}

/** The byline at lines[index] ("<Student Reporter Andrew Choi>email") and the bio line after it. */
function readBylineAt(lines: readonly string[], index: number): { byline: ImportedByline; lines: number } | null {
  const match = BYLINE_LINE.exec(lines[index]!.trim());
  if (!match) return null;
  const name = match[2]!.trim();
  const next = lines[index + 1]?.trim();
  const bio = next && BIO_LINE.test(next) && next.startsWith(name.split(' ')[0]!) ? next : null;
  return { byline: { title: titleCase(match[1]!), name, email: match[3] ?? null, bio }, lines: bio ? 2 : 1 };
}

export function importPlainText(source: string): ImportedText {
  const lines = joinWrappedLines(source.replace(/\r\n?/g, '\n').split('\n'));
  const content: JSONContent[] = [];
  const bylines: ImportedByline[] = [];

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const byline = readBylineAt(lines, i);
    if (byline) {
      bylines.push(byline.byline);
      i += byline.lines - 1;
      continue;
    }
    if (looksLikeSubhead(line, lines[i + 1])) {
      content.push({ type: 'heading', attrs: { level: 2 }, content: text(line) });
      continue;
    }
    content.push(...paragraphWithQuote(line));
  }

  return { doc: { type: 'doc', content: content.length ? content : [paragraph('')] }, bylines };
}

/** Byline blocks typed as paragraphs of a formatted document (.docx, pasted HTML) become bylines. */
export function extractBylines(doc: ArticleDoc): ImportedText {
  const blocks = doc.content ?? [];
  const lines = blocks.map((block) => (block.type === 'paragraph' ? (block.content ?? []).map((child) => child.text ?? '').join('') : ''));
  const content: JSONContent[] = [];
  const bylines: ImportedByline[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const byline = lines[i] ? readBylineAt(lines, i) : null;
    if (byline) {
      bylines.push(byline.byline);
      i += byline.lines - 1;
    } else content.push(blocks[i]!);
  }
  return { doc: { ...doc, content: content.length ? content : [paragraph('')] }, bylines };
}

function titleCase(value: string): string {
  return value.toLowerCase().replace(/\b\p{L}/gu, (letter) => letter.toUpperCase());
}
