-- CreateTable
CREATE TABLE "cdn_purges" (
    "id" BIGSERIAL NOT NULL,
    "schoolId" TEXT NOT NULL,
    "keys" TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastError" TEXT,

    CONSTRAINT "cdn_purges_pkey" PRIMARY KEY ("id")
);

-- AddForeignKey
ALTER TABLE "cdn_purges" ADD CONSTRAINT "cdn_purges_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "schools"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Row-level security: a school's purges are its own, like every tenant table.
ALTER TABLE "cdn_purges" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "cdn_purges" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "cdn_purges" USING (masthead_tenant_allows("schoolId")) WITH CHECK (masthead_tenant_allows("schoolId"));
