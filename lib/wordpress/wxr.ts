// Reading a WordPress export (WXR 1.1 and 1.2, as Tools → Export writes it): RSS 2.0 with the
// wp:, content:, excerpt: and dc: namespaces. saxes is a strict, streaming XML parser that knows
// only XML's five entities; a document type declaration is refused outright, since WordPress
// never writes one and it is the door to external entities (XXE) and entity bombs.
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { fail, ok, type Result } from '../result.ts';

export const MAX_WXR_BYTES = Number(process.env.MASTHEAD_MAX_WXR_BYTES ?? 256 * 1024 * 1024);

/** Namespace URIs by the prefix WordPress gives them; the wp: URI carries the WXR version. */
const NAMESPACES: [RegExp, string][] = [
  [/^https?:\/\/wordpress\.org\/export\/1\.[0-2]\/excerpt\/$/, 'excerpt'],
  [/^https?:\/\/wordpress\.org\/export\/1\.[0-2]\/$/, 'wp'],
  [/^http:\/\/purl\.org\/rss\/1\.0\/modules\/content\/$/, 'content'],
  [/^http:\/\/purl\.org\/dc\/elements\/1\.1\/$/, 'dc'],
  [/^http:\/\/wellformedweb\.org\/CommentAPI\/$/, 'wfw'],
];

interface XmlNode {
  name: string;
  attributes: Record<string, string>;
  children: XmlNode[];
  text: string;
}

function qualifiedName(tag: { local: string; uri: string }): string {
  if (!tag.uri) return tag.local;
  const known = NAMESPACES.find(([uri]) => uri.test(tag.uri));
  return known ? `${known[1]}:${tag.local}` : `{${tag.uri}}${tag.local}`;
}

const child = (node: XmlNode, name: string) => node.children.find((candidate) => candidate.name === name);
const textOf = (node: XmlNode, name: string) => child(node, name)?.text.trim() ?? '';
const rawTextOf = (node: XmlNode, name: string) => child(node, name)?.text ?? '';
const childrenNamed = (node: XmlNode, name: string) => node.children.filter((candidate) => candidate.name === name);

export interface WxrAuthor {
  login: string;
  email: string;
  displayName: string;
  firstName: string;
  lastName: string;
}

export interface WxrTerm {
  slug: string;
  name: string;
  parent: string;
  description: string;
}

export interface WxrComment {
  id: string;
  author: string;
  authorEmail: string;
  date: string;
  content: string;
  approved: boolean;
  parent: string;
}

export interface WxrItem {
  id: string;
  type: string;
  title: string;
  link: string;
  guid: string;
  creator: string;
  content: string;
  excerpt: string;
  slug: string;
  status: string;
  postDateGmt: string;
  postDate: string;
  modifiedGmt: string;
  parentId: string;
  attachmentUrl: string;
  categories: { domain: string; slug: string; name: string }[];
  meta: Record<string, string>;
  comments: WxrComment[];
}

export interface WxrFile {
  version: string;
  title: string;
  siteUrl: string;
  blogUrl: string;
  authors: WxrAuthor[];
  categories: WxrTerm[];
  tags: WxrTerm[];
  items: WxrItem[];
}

function readItem(node: XmlNode): WxrItem {
  const meta: Record<string, string> = {};
  for (const entry of childrenNamed(node, 'wp:postmeta')) meta[textOf(entry, 'wp:meta_key')] = rawTextOf(entry, 'wp:meta_value');
  return {
    id: textOf(node, 'wp:post_id'),
    type: textOf(node, 'wp:post_type'),
    title: textOf(node, 'title'),
    link: textOf(node, 'link'),
    guid: textOf(node, 'guid'),
    creator: textOf(node, 'dc:creator'),
    content: rawTextOf(node, 'content:encoded'),
    excerpt: textOf(node, 'excerpt:encoded'),
    slug: textOf(node, 'wp:post_name'),
    status: textOf(node, 'wp:status'),
    postDate: textOf(node, 'wp:post_date'),
    postDateGmt: textOf(node, 'wp:post_date_gmt'),
    modifiedGmt: textOf(node, 'wp:post_modified_gmt'),
    parentId: textOf(node, 'wp:post_parent'),
    attachmentUrl: textOf(node, 'wp:attachment_url'),
    categories: childrenNamed(node, 'category').map((category) => ({ domain: category.attributes.domain ?? '', slug: category.attributes.nicename ?? '', name: category.text.trim() })),
    meta,
    comments: childrenNamed(node, 'wp:comment').map((comment) => ({
      id: textOf(comment, 'wp:comment_id'),
      author: textOf(comment, 'wp:comment_author'),
      authorEmail: textOf(comment, 'wp:comment_author_email'),
      date: textOf(comment, 'wp:comment_date_gmt'),
      content: rawTextOf(comment, 'wp:comment_content'),
      approved: textOf(comment, 'wp:comment_approved') === '1',
      parent: textOf(comment, 'wp:comment_parent'),
    })),
  };
}

const REFUSED = 'This is not a WordPress export file (WXR) that Masthead can read.';

/** Parses a whole WXR file; refuses (422, nothing read) anything malformed, hostile or not WXR. */
export function parseWxr(xml: string | Buffer, options: { maxBytes?: number } = {}): Result<WxrFile> {
  const maxBytes = options.maxBytes ?? MAX_WXR_BYTES;
  const size = typeof xml === 'string' ? Buffer.byteLength(xml) : xml.length;
  if (size > maxBytes) return fail(413, `Export files can be at most ${Math.max(1, Math.round(maxBytes / 1024 / 1024))} MB; export one year at a time from WordPress (Tools → Export, by date).`);
  const parser = new SaxesParser({ xmlns: true, position: true });
  const file: WxrFile = { version: '', title: '', siteUrl: '', blogUrl: '', authors: [], categories: [], tags: [], items: [] };
  // The open elements; below <channel> each top-level child is built as a small tree, then read.
  const stack: XmlNode[] = [];
  let refusal: string | null = null;
  parser.on('doctype', () => {
    refusal = 'The file declares a document type, which a WordPress export never does; it is refused so that no entity in it is expanded.';
    throw new Error(refusal);
  });
  parser.on('opentag', (tag: SaxesTagNS) => {
    const name = qualifiedName(tag);
    if (stack.length === 0 && name !== 'rss') {
      refusal = REFUSED;
      throw new Error(refusal);
    }
    const attributes: Record<string, string> = {};
    for (const attribute of Object.values(tag.attributes)) attributes[attribute.local] = attribute.value;
    const node: XmlNode = { name, attributes, children: [], text: '' };
    stack.at(-1)?.children.push(node);
    stack.push(node);
  });
  const addText = (text: string) => {
    const node = stack.at(-1);
    if (node) node.text += text;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('closetag', () => {
    const node = stack.pop()!;
    // A finished child of <channel>: read it and let the tree go.
    if (stack.length === 2 && stack[1]!.name === 'channel') {
      stack[1]!.children.pop();
      if (node.name === 'item') file.items.push(readItem(node));
      else if (node.name === 'wp:author')
        file.authors.push({
          login: textOf(node, 'wp:author_login'),
          email: textOf(node, 'wp:author_email').toLowerCase(),
          displayName: textOf(node, 'wp:author_display_name'),
          firstName: textOf(node, 'wp:author_first_name'),
          lastName: textOf(node, 'wp:author_last_name'),
        });
      else if (node.name === 'wp:category')
        file.categories.push({
          slug: textOf(node, 'wp:category_nicename'),
          name: textOf(node, 'wp:cat_name'),
          parent: textOf(node, 'wp:category_parent'),
          description: textOf(node, 'wp:category_description'),
        });
      else if (node.name === 'wp:tag') file.tags.push({ slug: textOf(node, 'wp:tag_slug'), name: textOf(node, 'wp:tag_name'), parent: '', description: textOf(node, 'wp:tag_description') });
      else if (node.name === 'wp:wxr_version') file.version = node.text.trim();
      else if (node.name === 'wp:base_site_url') file.siteUrl = node.text.trim();
      else if (node.name === 'wp:base_blog_url') file.blogUrl = node.text.trim();
      else if (node.name === 'title') file.title = node.text.trim();
    }
  });
  try {
    parser.write(typeof xml === 'string' ? xml : xml.toString('utf8')).close();
  } catch (error) {
    if (refusal) return fail(422, refusal, { file: refusal });
    const where = `line ${parser.line}, column ${parser.column}`;
    const reason = error instanceof Error ? error.message.replace(/^(?:.*?:)?\d+:\d+: /, '').replace(/\.$/, '') : 'unreadable';
    const message = `The file is not well-formed XML (${reason} at ${where}); export it again from WordPress.`;
    return fail(422, message, { file: message });
  }
  if (!/^1\.[12]$/.test(file.version)) {
    const message = file.version ? `WXR version ${file.version} is not one Masthead reads (1.1 and 1.2 are).` : REFUSED;
    return fail(422, message, { file: message });
  }
  return ok(file);
}
