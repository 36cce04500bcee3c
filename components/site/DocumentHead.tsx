import type { MetadataImage, ResolvedPageMetadata } from '@/lib/serving/page-metadata';

function imageTags(kind: 'og' | 'twitter', images: MetadataImage[]) {
  // Next's order: Open Graph gives an image's size before its text, Twitter its text first.
  const attribute = kind === 'og' ? 'property' : 'name';
  return images.flatMap((image, index) => {
    const parts: [string, string | number | undefined][] =
      kind === 'og'
        ? [
            ['', image.url],
            [':width', image.width],
            [':height', image.height],
            [':alt', image.alt],
          ]
        : [
            ['', image.url],
            [':alt', image.alt],
            [':width', image.width],
            [':height', image.height],
          ];
    return parts
      .filter(([, value]) => value !== undefined && value !== '')
      .map(([suffix, value]) => <meta key={`${kind}-image-${index}${suffix}`} {...{ [attribute]: `${kind}:image${suffix}` }} content={String(value)} />);
  });
}

/** A reader page's head as Next writes it (charset, viewport, the stylesheets, then the metadata's
 * tags in Next's order), for the pages the production server renders itself. */
export function DocumentHead({ stylesheets, metadata }: { stylesheets: string[]; metadata: ResolvedPageMetadata }) {
  const { openGraph: og, twitter } = metadata;
  return (
    <>
      <meta charSet="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      {stylesheets.map((href) => (
        <link key={href} rel="stylesheet" href={href} precedence="next" />
      ))}
      {metadata.title !== null && <title>{metadata.title}</title>}
      {metadata.description && <meta name="description" content={metadata.description} />}
      {metadata.robots && <meta name="robots" content={metadata.robots} />}
      {metadata.canonical && <link rel="canonical" href={metadata.canonical} />}
      {metadata.alternateTypes.map(([type, href]) => (
        <link key={`alternate-${type}`} rel="alternate" type={type} href={href} />
      ))}
      {og && (
        <>
          {og.title && <meta property="og:title" content={og.title} />}
          {og.description && <meta property="og:description" content={og.description} />}
          {og.url && <meta property="og:url" content={og.url} />}
          {og.siteName && <meta property="og:site_name" content={og.siteName} />}
          {imageTags('og', og.images)}
          {og.type && <meta property="og:type" content={og.type} />}
          {og.type === 'article' && (
            <>
              {og.publishedTime && <meta property="article:published_time" content={og.publishedTime} />}
              {og.modifiedTime && <meta property="article:modified_time" content={og.modifiedTime} />}
              {og.authors.map((author, index) => (
                <meta key={`author-${index}`} property="article:author" content={author} />
              ))}
              {og.section && <meta property="article:section" content={og.section} />}
            </>
          )}
        </>
      )}
      {twitter && (
        <>
          <meta name="twitter:card" content={twitter.card} />
          {twitter.title && <meta name="twitter:title" content={twitter.title} />}
          {twitter.description && <meta name="twitter:description" content={twitter.description} />}
          {imageTags('twitter', twitter.images)}
        </>
      )}
    </>
  );
}
