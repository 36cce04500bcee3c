-- AlterTable
ALTER TABLE "articles" ADD COLUMN     "searchVector" tsvector;

-- AlterTable
ALTER TABLE "schools" ADD COLUMN     "contentVersion" INTEGER NOT NULL DEFAULT 1;

-- CreateIndex
CREATE INDEX "articles_searchVector_idx" ON "articles" USING GIN ("searchVector");
