-- Live coverage (lib/live-coverage): a story open for timestamped updates, the updates themselves,
-- the live desk (members who post without review) and the school's audit log of who is on it.
CREATE TYPE "LiveUpdateStatus" AS ENUM ('PENDING', 'PUBLISHED', 'WITHDRAWN');

ALTER TABLE "articles" ADD COLUMN "liveStartedAt" TIMESTAMP(3), ADD COLUMN "liveEndedAt" TIMESTAMP(3);
ALTER TABLE "memberships" ADD COLUMN "liveDesk" BOOLEAN NOT NULL DEFAULT false;

CREATE TABLE "live_updates" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "body" JSONB NOT NULL,
    "bodyText" TEXT NOT NULL,
    "status" "LiveUpdateStatus" NOT NULL DEFAULT 'PENDING',
    "reviewedById" TEXT,
    "publishedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "live_updates_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "live_updates_schoolId_articleId_status_publishedAt_idx" ON "live_updates"("schoolId", "articleId", "status", "publishedAt" DESC);
ALTER TABLE "live_updates" ADD CONSTRAINT "live_updates_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "schools"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "live_updates" ADD CONSTRAINT "live_updates_schoolId_articleId_fkey" FOREIGN KEY ("schoolId", "articleId") REFERENCES "articles"("schoolId", "id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "live_updates" ADD CONSTRAINT "live_updates_schoolId_authorId_fkey" FOREIGN KEY ("schoolId", "authorId") REFERENCES "memberships"("schoolId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "audit_events" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "actorId" TEXT,
    "actorRole" "Role",
    "action" TEXT NOT NULL,
    "subjectId" TEXT,
    "detail" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_events_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "audit_events_schoolId_createdAt_idx" ON "audit_events"("schoolId", "createdAt" DESC);
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "schools"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Row-level security: both are a school's own, like every tenant table.
SELECT masthead_guard_tenant_table('"live_updates"');
SELECT masthead_guard_tenant_table('"audit_events"');
