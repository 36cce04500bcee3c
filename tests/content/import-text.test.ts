import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importPlainText } from '../../lib/content/import-text.ts';
import { checkArticleDoc, countWords, docToPlainText } from '../../lib/content/document.ts';
import { projectRoot } from '../../scripts/lib/database';

const fixture = readFileSync(path.join(projectRoot, 'prisma/fixtures/seed-article.txt'), 'utf8');

describe('plain-text import', () => {
  it('turns the fixture into subheads, paragraphs, a block quote and a byline', () => {
    const { doc, bylines } = importPlainText(fixture);
    const types = doc.content!.map((node) => (node.type === 'heading' ? `h${node.attrs!.level}:${node.content![0]!.text}` : node.type));
    expect(types).toEqual([
      'paragraph',
      'h2:Strategic Risks and Global Repercussions',
      'paragraph',
      'paragraph',
      'h2:China’s Dilemma',
      'paragraph',
      'paragraph',
      'h2:A Shifting Power Landscape',
      'paragraph',
      'blockquote',
      'paragraph',
      'paragraph',
    ]);
    expect(bylines).toEqual([{ title: 'Student Reporter', name: 'Andrew Choi', email: 'reporter@example.edu', bio: 'Andrew Choi is a Sophomore student in Canyon Crest Academy' }]);
    expect(checkArticleDoc(doc).ok).toBe(true);
  });

  it('joins a hard-wrapped line back into its paragraph', () => {
    const text = docToPlainText(importPlainText(fixture).doc);
    expect(text).toContain('For now, South Korea is considering an upgrade');
    expect(countWords(text)).toBeGreaterThan(650);
  });
});

describe('article documents', () => {
  it('reject nodes outside the schema and unsafe links', () => {
    expect(checkArticleDoc({ type: 'doc', content: [{ type: 'script', content: [] }] }).ok).toBe(false);
    const withLink = (href: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href } }] }] }] });
    expect(checkArticleDoc(withLink('javascript:alert(1)')).ok).toBe(false);
    expect(checkArticleDoc(withLink('https://example.org')).ok).toBe(true);
  });
});
