-- The media library (lib/media/library.ts): each upload's usage rights, and a search over what is
-- said about it. What is already stored has unknown rights until someone records them.
CREATE TYPE "UsageRights" AS ENUM ('UNKNOWN', 'STAFF', 'PERMISSION', 'CREATIVE_COMMONS', 'PUBLIC_DOMAIN', 'HANDOUT');
ALTER TABLE "media" ADD COLUMN "usageRights" "UsageRights" NOT NULL DEFAULT 'UNKNOWN', ADD COLUMN "rightsNote" TEXT NOT NULL DEFAULT '';

-- Words of the caption, credit, alt text and file name, for prefix search within one school.
CREATE INDEX "media_library_search_idx" ON "media" USING GIN (
  to_tsvector('simple', coalesce("caption", '') || ' ' || coalesce("credit", '') || ' ' || coalesce("alt", '') || ' ' || coalesce("originalFilename", ''))
);
