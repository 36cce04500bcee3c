// Taking it all out: a school's paper as a WordPress export (WXR 1.2), which WordPress's own
// importer reads and which Masthead imports back, so no school is locked in. Sections are
// categories, tags are tags, staff authors are authors, guest bylines are the "writer" meta that
// school-news themes read, a featured image is an attachment the post names by _thumbnail_id (with
// its alt text, caption and credit), and every story carries its status, dates and slug. xmlbuilder2 writes
// the XML, so nothing in a story can break out of its element.
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
import { requirePermission, type Actor } from '../auth/actor.ts';
import { readsFor } from '../db.ts';
import { renderArticleHtml } from '../content/render.ts';
import type { StoredByline } from '../articles/bylines.ts';
import { storedFeaturedImage, type FeaturedImage } from '../articles/featured-image.ts';
import { slugify } from '../articles/slugs.ts';
import type { ArticleStatus } from '../generated/prisma/enums.ts';
import { schoolUrl } from '../tenants/urls.ts';
import { getObject } from '../media/storage.ts';
import { ok, type Result } from '../result.ts';

const WXR_STATUS: Record<ArticleStatus, string> = {
  PUBLISHED: 'publish',
  SCHEDULED: 'future',
  DRAFT: 'draft',
  CHANGES_REQUESTED: 'draft',
  SUBMITTED: 'pending',
  APPROVED: 'pending',
  UNPUBLISHED: 'private',
};

/** WordPress ids are numbers; ours are not. A stable number per article, so exporting twice gives
 * the same ids and importing the second file updates what the first one made. */
function postId(articleId: string): number {
  return parseInt(createHash('sha256').update(articleId).digest('hex').slice(0, 8), 16) % 2_000_000_000;
}

function postMeta(item: XMLBuilder, key: string, value: string): void {
  const meta = item.ele('wp:postmeta');
  meta.ele('wp:meta_key').txt(key);
  meta.ele('wp:meta_value').txt(value);
}

/** "2024-05-12 16:00:00", as WordPress writes its *_gmt dates. */
function wordpressDate(date: Date | null): string {
  return date ? date.toISOString().slice(0, 19).replace('T', ' ') : '0000-00-00 00:00:00';
}

export interface WxrExport {
  xml: string;
  /** The pictures the stories show, by the file name their address ends in. */
  pictures: { fileName: string; storageKey: string }[];
}

export async function exportWxr(actor: Actor): Promise<Result<string>> {
  const exported = await buildWxr(actor);
  return exported.ok ? ok(exported.data.xml) : exported;
}

/** The export file and, beside it, a folder of the pictures its stories show: importing the file
 * with `--uploads <that folder>` brings the pictures too (into any school). */
export async function exportSchoolToFolder(actor: Actor, folder: string): Promise<Result<{ file: string; pictures: number }>> {
  const exported = await buildWxr(actor);
  if (!exported.ok) return exported;
  await mkdir(path.join(folder, 'pictures'), { recursive: true });
  let pictures = 0;
  for (const picture of exported.data.pictures) {
    const bytes = await getObject(picture.storageKey);
    if (!bytes) continue;
    await writeFile(path.join(folder, 'pictures', picture.fileName), bytes);
    pictures++;
  }
  const file = path.join(folder, `${actor.schoolSlug}.wordpress.xml`);
  await writeFile(file, exported.data.xml);
  return ok({ file, pictures });
}

async function buildWxr(actor: Actor): Promise<Result<WxrExport>> {
  const allowed = requirePermission(actor, 'school.settings');
  if (!allowed.ok) return allowed;
  const { school, sections, media, members, articles } = await readsFor(actor.schoolId, async (tx) => ({
    school: await tx.school.findUniqueOrThrow({ where: { id: actor.schoolId }, select: { slug: true, newspaperName: true, tagline: true } }),
    sections: await tx.section.findMany({ where: { schoolId: actor.schoolId }, orderBy: { position: 'asc' }, select: { id: true, slug: true, name: true, description: true } }),
    media: await tx.media.findMany({ where: { schoolId: actor.schoolId }, select: { storageKey: true } }),
    members: await tx.membership.findMany({ where: { schoolId: actor.schoolId }, select: { id: true, slug: true, displayName: true, user: { select: { email: true } } } }),
    articles: await tx.article.findMany({
      where: { schoolId: actor.schoolId },
      orderBy: { createdAt: 'asc' },
      select: {
        id: true,
        slug: true,
        status: true,
        headline: true,
        deck: true,
        body: true,
        tags: true,
        sectionId: true,
        createdById: true,
        createdAt: true,
        updatedAt: true,
        firstPublishedAt: true,
        scheduledFor: true,
        bylines: { orderBy: { position: 'asc' }, select: { membershipId: true, guestName: true, title: true } },
        // What readers see is what a published story exports as; a pending edit stays behind.
        featuredImage: true,
        publishedRevision: { select: { headline: true, deck: true, body: true, tags: true, sectionId: true, bylines: true, featuredImage: true } },
      },
    }),
  }));
  const sectionById = new Map(sections.map((section) => [section.id, section]));
  const memberById = new Map(members.map((member) => [member.id, member]));
  const site = schoolUrl(school);
  // Pictures by address: stories name them by a path of ours, the export by a full address.
  const storageKeys = new Map(media.map((item) => [path.basename(item.storageKey), item.storageKey]));
  const pictures = new Map<string, string>();
  const pictureFile = `/${school.slug}/media/([a-z0-9]+-(?:\\d+|full)\\.(?:jpg|png|webp))`;
  const ownPicture = new RegExp(`(src|href)="${pictureFile}"`, 'g');
  const ownPictureAddress = new RegExp(`^${pictureFile}$`);
  /** A picture of ours by its full address, noted for the export's folder of pictures. */
  const exportedAddress = (fileName: string) => {
    const storageKey = storageKeys.get(fileName);
    if (storageKey) pictures.set(fileName, storageKey);
    return schoolUrl(school, `/media/${fileName}`);
  };
  const withFullAddresses = (html: string) => html.replace(ownPicture, (_, attribute: string, fileName: string) => `${attribute}="${exportedAddress(fileName)}"`);

  const featured: { attachmentId: number; parentId: number; image: FeaturedImage; url: string }[] = [];

  const rss = create({ version: '1.0', encoding: 'UTF-8' }).ele('rss', {
    version: '2.0',
    'xmlns:excerpt': 'http://wordpress.org/export/1.2/excerpt/',
    'xmlns:content': 'http://purl.org/rss/1.0/modules/content/',
    'xmlns:wfw': 'http://wellformedweb.org/CommentAPI/',
    'xmlns:dc': 'http://purl.org/dc/elements/1.1/',
    'xmlns:wp': 'http://wordpress.org/export/1.2/',
  });
  const channel = rss.ele('channel');
  channel.ele('title').txt(school.newspaperName);
  channel.ele('link').txt(site);
  channel.ele('description').txt(school.tagline ?? '');
  channel.ele('pubDate').txt(new Date().toUTCString());
  channel.ele('language').txt('en-US');
  channel.ele('wp:wxr_version').txt('1.2');
  channel.ele('wp:base_site_url').txt(site);
  channel.ele('wp:base_blog_url').txt(site);
  const authorIds = new Set(articles.flatMap((article) => [article.createdById, ...article.bylines.map((byline) => byline.membershipId)]).filter((id): id is string => Boolean(id)));
  for (const id of authorIds) {
    const member = memberById.get(id);
    if (!member) continue;
    const author = channel.ele('wp:author');
    author.ele('wp:author_login').txt(member.slug);
    author.ele('wp:author_email').txt(member.user.email);
    author.ele('wp:author_display_name').txt(member.displayName);
  }
  for (const section of sections) {
    const category = channel.ele('wp:category');
    category.ele('wp:category_nicename').txt(section.slug);
    category.ele('wp:category_parent').txt('');
    category.ele('wp:cat_name').txt(section.name);
    if (section.description) category.ele('wp:category_description').txt(section.description);
  }
  for (const tag of [...new Set(articles.flatMap((article) => article.tags))].sort()) {
    const element = channel.ele('wp:tag');
    element.ele('wp:tag_slug').txt(slugify(tag));
    element.ele('wp:tag_name').txt(tag);
  }

  for (const article of articles) {
    const live = article.status === 'PUBLISHED' && article.publishedRevision;
    const content = live
      ? { ...article.publishedRevision!, bylines: article.publishedRevision!.bylines as unknown as StoredByline[] }
      : { headline: article.headline, deck: article.deck, body: article.body, tags: article.tags, sectionId: article.sectionId, bylines: article.bylines, featuredImage: article.featuredImage };
    const id = postId(article.id);
    const date = article.status === 'SCHEDULED' ? article.scheduledFor : (article.firstPublishedAt ?? article.createdAt);
    const staff =
      content.bylines.map((byline) => (byline.membershipId ? memberById.get(byline.membershipId) : undefined)).find(Boolean) ?? (article.createdById ? memberById.get(article.createdById) : undefined);
    const item = channel.ele('item');
    item.ele('title').txt(content.headline);
    item.ele('link').txt(schoolUrl(school, `/articles/${article.slug}`));
    item.ele('dc:creator').txt(staff?.slug ?? '');
    item.ele('guid', { isPermaLink: 'false' }).txt(`${site}/?p=${id}`);
    item.ele('description').txt('');
    item.ele('content:encoded').txt(withFullAddresses(renderArticleHtml(content.body)));
    item.ele('excerpt:encoded').txt(content.deck);
    item.ele('wp:post_id').txt(String(id));
    item.ele('wp:post_date').txt(wordpressDate(date));
    item.ele('wp:post_date_gmt').txt(wordpressDate(date));
    item.ele('wp:post_modified').txt(wordpressDate(article.updatedAt));
    item.ele('wp:post_modified_gmt').txt(wordpressDate(article.updatedAt));
    item.ele('wp:comment_status').txt('closed');
    item.ele('wp:ping_status').txt('closed');
    item.ele('wp:post_name').txt(article.slug);
    item.ele('wp:status').txt(WXR_STATUS[article.status]);
    item.ele('wp:post_parent').txt('0');
    item.ele('wp:menu_order').txt('0');
    item.ele('wp:post_type').txt('post');
    item.ele('wp:post_password').txt('');
    item.ele('wp:is_sticky').txt('0');
    const section = content.sectionId ? sectionById.get(content.sectionId) : undefined;
    if (section) item.ele('category', { domain: 'category', nicename: section.slug }).txt(section.name);
    for (const tag of content.tags) item.ele('category', { domain: 'post_tag', nicename: slugify(tag) }).txt(tag);
    // The printed byline, as school-news themes keep it: every name, staff and guest, in order.
    const names = content.bylines.map((byline) => (byline.membershipId ? memberById.get(byline.membershipId)?.displayName : byline.guestName)).filter(Boolean);
    if (names.length > 0 && content.bylines.some((byline) => byline.guestName || content.bylines.length > 1)) {
      postMeta(item, 'writer', names.join(', '));
      postMeta(item, 'jobtitle', content.bylines[0]!.title);
    }
    // The featured image, as WordPress keeps one: an attachment of the post, named by _thumbnail_id.
    const image = storedFeaturedImage(content.featuredImage);
    const fileName = image && ownPictureAddress.exec(image.src)?.[1];
    if (image && fileName) {
      const attachmentId = postId(image.mediaId);
      postMeta(item, '_thumbnail_id', String(attachmentId));
      featured.push({ attachmentId, parentId: id, image, url: exportedAddress(fileName) });
    }
  }
  // Each picture once, after the posts (WordPress's importer links an attachment to its post either way).
  const seen = new Set<number>();
  for (const { attachmentId, parentId, image, url } of featured) {
    if (seen.has(attachmentId)) continue;
    seen.add(attachmentId);
    const item = channel.ele('item');
    item.ele('title').txt(image.caption || path.basename(url));
    item.ele('link').txt(url);
    item.ele('guid', { isPermaLink: 'false' }).txt(url);
    item.ele('excerpt:encoded').txt(image.caption);
    item.ele('wp:post_id').txt(String(attachmentId));
    item.ele('wp:post_parent').txt(String(parentId));
    item.ele('wp:post_type').txt('attachment');
    item.ele('wp:status').txt('inherit');
    item.ele('wp:attachment_url').txt(url);
    postMeta(item, '_wp_attachment_image_alt', image.alt);
    if (image.credit) postMeta(item, 'credit', image.credit);
  }
  return ok({ xml: rss.end({ prettyPrint: true }), pictures: [...pictures].map(([fileName, storageKey]) => ({ fileName, storageKey })) });
}
