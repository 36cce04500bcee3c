-- A story's featured image (lib/articles/featured-image.ts): the working copy's and each revision's,
-- so what readers see is the published revision's, as for the text.
ALTER TABLE "articles" ADD COLUMN "featuredImage" JSONB;
ALTER TABLE "article_revisions" ADD COLUMN "featuredImage" JSONB;
