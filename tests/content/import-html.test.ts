import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { importDocx, importHtml } from '../../lib/content/import-html.ts';
import { extractBylines } from '../../lib/content/import-text.ts';

// What Google Docs puts on the clipboard (trimmed from a real copy): a bold wrapper with a
// docs-internal-guid id, styled spans for bold and italic, redirect-wrapped links, and lists of
// paragraphs inside list items.
const GOOGLE_DOCS_PASTE = `<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-5f1c2a3b-7fff-1a2b-3c4d-5e6f7a8b9c0d"><h1 dir="ltr" style="line-height:1.38;margin-top:20pt;margin-bottom:6pt;"><span style="font-size:20pt;font-family:Arial;color:#000000;font-weight:400;font-style:normal;vertical-align:baseline;white-space:pre-wrap;">Budget Cuts Hit the Arts</span></h1><p dir="ltr" style="line-height:1.38;margin-top:0pt;margin-bottom:0pt;"><span style="font-size:11pt;font-family:Arial;color:#000000;background-color:transparent;font-weight:400;font-style:normal;">The district will cut </span><span style="font-size:11pt;font-family:Arial;color:#000000;font-weight:700;font-style:normal;">two art teachers</span><span style="font-size:11pt;font-family:Arial;font-weight:400;font-style:italic;"> next fall</span><span style="font-size:11pt;">, according to </span><a href="https://www.google.com/url?q=https://district.example.org/budget&amp;sa=D&amp;source=editors&amp;ust=1700000000000000&amp;usg=AOvVaw0" style="text-decoration:none;"><span style="font-size:11pt;color:#1155cc;text-decoration:underline;">the budget</span></a><span style="font-size:11pt;">.</span></p><br><h3 dir="ltr" style="line-height:1.38;"><span style="font-size:13.999999999999998pt;font-family:Arial;color:#434343;font-weight:400;">What students said</span></h3><ul style="margin-top:0;margin-bottom:0;padding-inline-start:48px;"><li dir="ltr" style="list-style-type:disc;font-size:11pt;" aria-level="1"><p dir="ltr" style="line-height:1.38;" role="presentation"><span style="font-size:11pt;">Petition drive</span></p></li><li dir="ltr" style="list-style-type:disc;font-size:11pt;" aria-level="1"><p dir="ltr" style="line-height:1.38;" role="presentation"><span style="font-size:11pt;">Board meeting</span></p></li></ul><blockquote><p><span style="font-size:11pt;">“Art is why I come to school,” said junior Dana Ortiz.</span></p></blockquote><p dir="ltr"><span style="font-size:11pt;" onclick="alert(1)">Plain closing line.</span><img src="https://lh7-rt.googleusercontent.com/docsz/abc" width="200"></p></b>`;

// What Word puts on the clipboard: MsoNormal paragraphs, <o:p>, conditional comments, and lists
// made of paragraphs with typed bullets.
const WORD_PASTE = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style>p.MsoNormal{margin:0}</style></head><body lang=EN-US>
<!--StartFragment--><p class=MsoTitle>Spring Musical Sells Out</p>
<p class=MsoNormal><span style='font-size:12.0pt;font-family:"Times New Roman"'>Tickets for <b>all three nights</b> sold in a day.<o:p></o:p></span></p>
<p class=MsoListParagraphCxSpFirst style='text-indent:-.25in;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span></span><![endif]>Friday</p>
<p class=MsoListParagraphCxSpLast style='text-indent:-.25in;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span></span><![endif]>Saturday</p>
<p class=MsoQuote>“We added a matinee,” the director said.</p>
<p class=MsoNormal><o:p>&nbsp;</o:p></p><!--EndFragment--></body></html>`;

describe('importing formatted text', () => {
  it('a Google Docs paste becomes clean nodes: no stray bold, styles kept as marks, links unwrapped', () => {
    const doc = importHtml(GOOGLE_DOCS_PASTE);
    expect(doc).toEqual({
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Budget Cuts Hit the Arts' }] },
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'The district will cut ' },
            { type: 'text', text: 'two art teachers', marks: [{ type: 'bold' }] },
            { type: 'text', text: ' next fall', marks: [{ type: 'italic' }] },
            { type: 'text', text: ', according to ' },
            {
              type: 'text',
              text: 'the budget',
              marks: [{ type: 'link', attrs: { href: 'https://district.example.org/budget', target: null, rel: 'noopener noreferrer nofollow', class: null, title: null } }],
            },
            { type: 'text', text: '.' },
          ],
        },
        { type: 'heading', attrs: { level: 3 }, content: [{ type: 'text', text: 'What students said' }] },
        {
          type: 'bulletList',
          content: [
            { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Petition drive' }] }] },
            { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Board meeting' }] }] },
          ],
        },
        { type: 'blockquote', content: [{ type: 'paragraph', content: [{ type: 'text', text: '“Art is why I come to school,” said junior Dana Ortiz.' }] }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'Plain closing line.' }] },
      ],
    });
  });

  it('a Word paste becomes a subhead, marks, a real list and a block quote', () => {
    const doc = importHtml(WORD_PASTE);
    const summary = doc.content!.map((node) => [
      node.type,
      JSON.stringify(node)
        .match(/"text":"([^"]*)"/g)
        ?.map((text) => text.slice(8, -1)),
    ]);
    expect(summary).toEqual([
      ['heading', ['Spring Musical Sells Out']],
      ['paragraph', ['Tickets for ', 'all three nights', ' sold in a day.']],
      ['bulletList', ['Friday', 'Saturday']],
      ['blockquote', ['“We added a matinee,” the director said.']],
    ]);
    expect(doc.content![1]!.content![1]).toEqual({ type: 'text', text: 'all three nights', marks: [{ type: 'bold' }] });
    expect(JSON.stringify(doc)).not.toMatch(/mso|Mso|style|·/);
  });

  it('a Word list whose bullets are not marked mso-list:Ignore keeps no bullet glyph in its items', () => {
    // As Word for the web and Outlook put a list on the clipboard: the glyph is plain text.
    const html = `<p class=MsoListParagraphCxSpFirst style='mso-list:l0 level1 lfo1'><span style='font-family:Symbol'>·</span><span>&nbsp;&nbsp;&nbsp;&nbsp;</span>Friday</p>
<p class=MsoListParagraphCxSpMiddle style='mso-list:l0 level1 lfo1'>•&nbsp;Saturday</p>
<p class=MsoListParagraphCxSpLast style='mso-list:l0 level2 lfo1'><span style='font-family:"Courier New"'>o</span>&nbsp;&nbsp;&nbsp;Sunday, only if it rains</p>`;
    const doc = importHtml(html);
    expect(doc.content!.map((node) => node.type)).toEqual(['bulletList']);
    const items = doc.content![0]!.content!.map((item) =>
      JSON.stringify(item)
        .match(/"text":"([^"]*)"/g)!
        .map((text) => text.slice(8, -1))
        .join(''),
    );
    expect(items).toEqual(['Friday', 'Saturday', 'Sunday, only if it rains']);
  });

  it('a .docx becomes subheads, paragraphs, quotes and a pull quote, with its byline block recognised', async () => {
    const docx = await buildDocx([
      ['Title', 'Ignored by the body?'],
      ['Heading1', 'The Vote'],
      [null, 'The board voted on Tuesday.'],
      ['Quote', '“It was close,” said the clerk.'],
      ['IntenseQuote', 'A pull quote line'],
      [null, '<Student Reporter Andrew Choi>reporter@example.edu'],
      [null, 'Andrew Choi is a Sophomore student in Canyon Crest Academy'],
    ]);
    const { doc, bylines } = extractBylines(await importDocx(docx));
    expect(doc.content!.map((node) => node.type)).toEqual(['heading', 'heading', 'paragraph', 'blockquote', 'pullQuote']);
    expect(doc.content![1]).toEqual({ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'The Vote' }] });
    expect(doc.content![4]).toEqual({ type: 'pullQuote', content: [{ type: 'text', text: 'A pull quote line' }] });
    expect(bylines).toEqual([{ title: 'Student Reporter', name: 'Andrew Choi', email: 'reporter@example.edu', bio: 'Andrew Choi is a Sophomore student in Canyon Crest Academy' }]);
  });
});

const STYLE_NAMES: Record<string, string> = { Title: 'Title', Heading1: 'heading 1', Quote: 'Quote', IntenseQuote: 'Intense Quote' };

/** A minimal real .docx (WordprocessingML in a ZIP), one paragraph per [style id, text]. */
async function buildDocx(paragraphs: [string | null, string][]): Promise<Buffer> {
  const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const body = paragraphs.map(([style, text]) => `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ''}<w:r><w:t xml:space="preserve">${escape(text)}</w:t></w:r></w:p>`).join('');
  const styles = Object.entries(STYLE_NAMES)
    .map(([id, name]) => `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${name}"/></w:style>`)
    .join('');
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>`,
  );
  zip.file(
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
  );
  zip.file(
    'word/_rels/document.xml.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
  );
  zip.file('word/styles.xml', `<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${styles}</w:styles>`);
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`);
  return zip.generateAsync({ type: 'nodebuffer' });
}
