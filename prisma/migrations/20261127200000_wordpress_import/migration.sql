-- CreateTable
CREATE TABLE "import_records" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "sourceKey" TEXT NOT NULL,
    "targetId" TEXT NOT NULL,
    "sourceHash" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "import_records_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "article_redirects" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "article_redirects_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "import_records_schoolId_source_kind_sourceKey_key" ON "import_records"("schoolId", "source", "kind", "sourceKey");

-- CreateIndex
CREATE INDEX "article_redirects_schoolId_articleId_idx" ON "article_redirects"("schoolId", "articleId");

-- CreateIndex
CREATE UNIQUE INDEX "article_redirects_schoolId_path_key" ON "article_redirects"("schoolId", "path");

-- AddForeignKey
ALTER TABLE "import_records" ADD CONSTRAINT "import_records_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "schools"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "article_redirects" ADD CONSTRAINT "article_redirects_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "schools"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "article_redirects" ADD CONSTRAINT "article_redirects_schoolId_articleId_fkey" FOREIGN KEY ("schoolId", "articleId") REFERENCES "articles"("schoolId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Tenant tables like every other: rows visible only as their school (see *_row_level_security).
ALTER TABLE "import_records" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "import_records" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "import_records" USING (masthead_tenant_allows("schoolId")) WITH CHECK (masthead_tenant_allows("schoolId"));

ALTER TABLE "article_redirects" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "article_redirects" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "article_redirects" USING (masthead_tenant_allows("schoolId")) WITH CHECK (masthead_tenant_allows("schoolId"));
