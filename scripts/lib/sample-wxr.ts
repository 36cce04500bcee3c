// An export shaped like WordPress's, of as many posts as asked: each with a category, two tags, one
// of 40 authors and, if asked, a captioned photo at <uploads>/<year>/<month>/photo-<n>.jpg. The
// import bench and the background-import tests read it.
const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const SECTIONS = ['news', 'sports', 'opinion', 'features', 'arts'];
const PARAGRAPH = 'Students packed the auditorium on Thursday night to hear the candidates answer questions about parking, lunch lines and the new schedule, and the debate ran long past its hour.';

/** Where post `index`'s photo lives under the uploads folder. */
export function samplePicturePath(index: number): { folder: string; file: string } {
  return { folder: `${2015 + (index % 10)}/${String((index % 12) + 1).padStart(2, '0')}`, file: `photo-${index}.jpg` };
}

export function sampleWxr({ posts, pictures }: { posts: number; pictures: boolean }): string {
  const items: string[] = [];
  for (let index = 1; index <= posts; index++) {
    const { folder, file } = samplePicturePath(index);
    const [year, month] = folder.split('/');
    const slug = `story-number-${index}`;
    const url = `https://paper.example.edu/wp-content/uploads/${folder}/${file}`;
    const body = [
      `<p>${PARAGRAPH} (${index})</p>`,
      ...(pictures
        ? [`[caption id="attachment_${posts + index}" align="aligncenter" width="640"]<img class="wp-image-${posts + index}" src="${url}" alt="Photo ${index}" /> Caption of story ${index}.[/caption]`]
        : []),
      ...Array.from({ length: 4 }, () => `<p>${PARAGRAPH}</p>`),
    ].join('\n\n');
    items.push(`<item><title><![CDATA[Story number ${index}]]></title><link>https://paper.example.edu/${year}/${month}/01/${slug}/</link>
<dc:creator><![CDATA[writer${index % 40}]]></dc:creator><guid isPermaLink="false">https://paper.example.edu/?p=${index}</guid>
<content:encoded><![CDATA[${body}]]></content:encoded><excerpt:encoded><![CDATA[The deck of story ${index}.]]></excerpt:encoded>
<wp:post_id>${index}</wp:post_id><wp:post_date><![CDATA[${year}-${month}-01 09:00:00]]></wp:post_date><wp:post_date_gmt><![CDATA[${year}-${month}-01 16:00:00]]></wp:post_date_gmt>
<wp:post_name><![CDATA[${slug}]]></wp:post_name><wp:status><![CDATA[publish]]></wp:status><wp:post_type><![CDATA[post]]></wp:post_type>
<category domain="category" nicename="${SECTIONS[index % SECTIONS.length]}"><![CDATA[${SECTIONS[index % SECTIONS.length]}]]></category>
<category domain="post_tag" nicename="tag-${index % 50}"><![CDATA[tag ${index % 50}]]></category><category domain="post_tag" nicename="year-${year}"><![CDATA[${year}]]></category></item>`);
    if (pictures)
      items.push(`<item><title><![CDATA[${file}]]></title><wp:post_id>${posts + index}</wp:post_id><wp:post_type><![CDATA[attachment]]></wp:post_type><wp:status><![CDATA[inherit]]></wp:status>
<wp:attachment_url><![CDATA[${url}]]></wp:attachment_url>
<wp:postmeta><wp:meta_key><![CDATA[_wp_attachment_image_alt]]></wp:meta_key><wp:meta_value><![CDATA[Photo ${index}]]></wp:meta_value></wp:postmeta></item>`);
  }
  const authors = Array.from(
    { length: 40 },
    (_, index) =>
      `<wp:author><wp:author_login><![CDATA[writer${index}]]></wp:author_login><wp:author_email><![CDATA[writer${index}@sample-paper.example]]></wp:author_email><wp:author_display_name><![CDATA[Writer ${index}]]></wp:author_display_name></wp:author>`,
  );
  return `<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>${escape('The Sample Gazette')}</title><link>https://paper.example.edu</link><wp:wxr_version>1.2</wp:wxr_version>
<wp:base_site_url>https://paper.example.edu</wp:base_site_url><wp:base_blog_url>https://paper.example.edu</wp:base_blog_url>
${authors.join('\n')}
${items.join('\n')}
</channel></rss>`;
}
