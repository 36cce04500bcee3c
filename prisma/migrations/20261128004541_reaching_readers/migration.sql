-- CreateEnum
CREATE TYPE "CommenterNamePolicy" AS ENUM ('FULL_NAME', 'FIRST_NAME_LAST_INITIAL', 'ANY_NAME');

-- CreateEnum
CREATE TYPE "NewsletterList" AS ENUM ('NEW_ISSUE', 'WEEKLY_DIGEST', 'BREAKING');

-- CreateEnum
CREATE TYPE "SubscriberStatus" AS ENUM ('PENDING', 'ACTIVE', 'UNSUBSCRIBED', 'SUPPRESSED');

-- CreateEnum
CREATE TYPE "NewsletterSendStatus" AS ENUM ('SCHEDULED', 'SENDING', 'SENT', 'CANCELLED');

-- CreateEnum
CREATE TYPE "DeliveryStatus" AS ENUM ('QUEUED', 'SENDING', 'SENT', 'FAILED');

-- CreateEnum
CREATE TYPE "ReaderCommentStatus" AS ENUM ('UNCONFIRMED', 'PENDING', 'APPROVED', 'REJECTED');

-- AlterTable
ALTER TABLE "articles" ADD COLUMN     "commentsOpen" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "schools" ADD COLUMN     "commenterNamePolicy" "CommenterNamePolicy" NOT NULL DEFAULT 'FULL_NAME',
ADD COLUMN     "commentsEnabled" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "subscribers" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "lists" "NewsletterList"[],
    "requestedLists" "NewsletterList"[],
    "status" "SubscriberStatus" NOT NULL DEFAULT 'PENDING',
    "confirmTokenHash" TEXT,
    "unsubscribeToken" TEXT NOT NULL,
    "suppressedReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "confirmedAt" TIMESTAMP(3),
    "unsubscribedAt" TIMESTAMP(3),

    CONSTRAINT "subscribers_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "newsletter_sends" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "list" "NewsletterList" NOT NULL,
    "subject" TEXT NOT NULL,
    "intro" TEXT NOT NULL DEFAULT '',
    "articleIds" TEXT[],
    "editionId" TEXT,
    "status" "NewsletterSendStatus" NOT NULL DEFAULT 'SCHEDULED',
    "scheduledFor" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "html" TEXT,
    "text" TEXT,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "newsletter_sends_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "newsletter_deliveries" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "sendId" TEXT NOT NULL,
    "subscriberId" TEXT NOT NULL,
    "status" "DeliveryStatus" NOT NULL DEFAULT 'QUEUED',
    "attemptedAt" TIMESTAMP(3),
    "sentAt" TIMESTAMP(3),
    "error" TEXT,

    CONSTRAINT "newsletter_deliveries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "reader_comments" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "authorName" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "status" "ReaderCommentStatus" NOT NULL DEFAULT 'UNCONFIRMED',
    "confirmTokenHash" TEXT,
    "confirmedAt" TIMESTAMP(3),
    "moderatedById" TEXT,
    "moderatedAt" TIMESTAMP(3),
    "reason" TEXT,
    "reportCount" INTEGER NOT NULL DEFAULT 0,
    "lastReportedAt" TIMESTAMP(3),
    "lastReportReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "reader_comments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "blocked_commenters" (
    "schoolId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "blockedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "blocked_commenters_pkey" PRIMARY KEY ("schoolId","email")
);

-- CreateTable
CREATE TABLE "page_view_counts" (
    "schoolId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "path" TEXT NOT NULL,
    "articleId" TEXT,
    "sectionId" TEXT,
    "referrer" TEXT NOT NULL DEFAULT '',
    "views" INTEGER NOT NULL,

    CONSTRAINT "page_view_counts_pkey" PRIMARY KEY ("schoolId","day","path","referrer")
);

-- CreateIndex
CREATE UNIQUE INDEX "subscribers_confirmTokenHash_key" ON "subscribers"("confirmTokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "subscribers_unsubscribeToken_key" ON "subscribers"("unsubscribeToken");

-- CreateIndex
CREATE INDEX "subscribers_schoolId_status_idx" ON "subscribers"("schoolId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "subscribers_schoolId_email_key" ON "subscribers"("schoolId", "email");

-- CreateIndex
CREATE UNIQUE INDEX "subscribers_schoolId_id_key" ON "subscribers"("schoolId", "id");

-- CreateIndex
CREATE INDEX "newsletter_sends_status_scheduledFor_idx" ON "newsletter_sends"("status", "scheduledFor");

-- CreateIndex
CREATE INDEX "newsletter_sends_schoolId_createdAt_idx" ON "newsletter_sends"("schoolId", "createdAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "newsletter_sends_schoolId_id_key" ON "newsletter_sends"("schoolId", "id");

-- CreateIndex
CREATE INDEX "newsletter_deliveries_status_attemptedAt_idx" ON "newsletter_deliveries"("status", "attemptedAt");

-- CreateIndex
CREATE INDEX "newsletter_deliveries_sendId_status_idx" ON "newsletter_deliveries"("sendId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "newsletter_deliveries_sendId_subscriberId_key" ON "newsletter_deliveries"("sendId", "subscriberId");

-- CreateIndex
CREATE UNIQUE INDEX "reader_comments_confirmTokenHash_key" ON "reader_comments"("confirmTokenHash");

-- CreateIndex
CREATE INDEX "reader_comments_schoolId_articleId_status_createdAt_idx" ON "reader_comments"("schoolId", "articleId", "status", "createdAt");

-- CreateIndex
CREATE INDEX "reader_comments_schoolId_status_createdAt_idx" ON "reader_comments"("schoolId", "status", "createdAt");

-- CreateIndex
CREATE INDEX "reader_comments_schoolId_email_createdAt_idx" ON "reader_comments"("schoolId", "email", "createdAt");

-- CreateIndex
CREATE INDEX "page_view_counts_schoolId_articleId_day_idx" ON "page_view_counts"("schoolId", "articleId", "day");

-- AddForeignKey
ALTER TABLE "subscribers" ADD CONSTRAINT "subscribers_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "schools"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "newsletter_sends" ADD CONSTRAINT "newsletter_sends_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "schools"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "newsletter_deliveries" ADD CONSTRAINT "newsletter_deliveries_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "schools"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "newsletter_deliveries" ADD CONSTRAINT "newsletter_deliveries_schoolId_sendId_fkey" FOREIGN KEY ("schoolId", "sendId") REFERENCES "newsletter_sends"("schoolId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "newsletter_deliveries" ADD CONSTRAINT "newsletter_deliveries_schoolId_subscriberId_fkey" FOREIGN KEY ("schoolId", "subscriberId") REFERENCES "subscribers"("schoolId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reader_comments" ADD CONSTRAINT "reader_comments_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "schools"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reader_comments" ADD CONSTRAINT "reader_comments_schoolId_articleId_fkey" FOREIGN KEY ("schoolId", "articleId") REFERENCES "articles"("schoolId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "blocked_commenters" ADD CONSTRAINT "blocked_commenters_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "schools"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "page_view_counts" ADD CONSTRAINT "page_view_counts_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "schools"("id") ON DELETE CASCADE ON UPDATE CASCADE;
-- Each school's readers are its own: the same isolation as every other school table.
ALTER TABLE "subscribers" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "subscribers" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "subscribers" USING (masthead_tenant_allows("schoolId")) WITH CHECK (masthead_tenant_allows("schoolId"));
ALTER TABLE "newsletter_sends" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "newsletter_sends" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "newsletter_sends" USING (masthead_tenant_allows("schoolId")) WITH CHECK (masthead_tenant_allows("schoolId"));
ALTER TABLE "newsletter_deliveries" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "newsletter_deliveries" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "newsletter_deliveries" USING (masthead_tenant_allows("schoolId")) WITH CHECK (masthead_tenant_allows("schoolId"));
ALTER TABLE "reader_comments" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "reader_comments" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "reader_comments" USING (masthead_tenant_allows("schoolId")) WITH CHECK (masthead_tenant_allows("schoolId"));
ALTER TABLE "blocked_commenters" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "blocked_commenters" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "blocked_commenters" USING (masthead_tenant_allows("schoolId")) WITH CHECK (masthead_tenant_allows("schoolId"));
ALTER TABLE "page_view_counts" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "page_view_counts" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "page_view_counts" USING (masthead_tenant_allows("schoolId")) WITH CHECK (masthead_tenant_allows("schoolId"));
