-- CreateEnum
CREATE TYPE "RemovalRequestKind" AS ENUM ('CORRECTION', 'ANONYMIZE', 'REMOVAL');

-- CreateEnum
CREATE TYPE "RemovalRequestStatus" AS ENUM ('UNCONFIRMED', 'OPEN', 'DECIDED');

-- CreateEnum
CREATE TYPE "RemovalOutcome" AS ENUM ('DECLINED', 'CORRECTION', 'EDITORS_NOTE', 'ANONYMIZED', 'UNPUBLISHED');

-- AlterTable
ALTER TABLE "articles" ADD COLUMN     "editorsNote" TEXT,
ADD COLUMN     "unpublishedNotice" TEXT;

-- AlterTable
ALTER TABLE "schools" ADD COLUMN     "removalPolicy" TEXT;

-- CreateTable
CREATE TABLE "removal_requests" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "kind" "RemovalRequestKind" NOT NULL,
    "requesterName" TEXT NOT NULL,
    "requesterEmail" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "confirmTokenHash" TEXT,
    "confirmedAt" TIMESTAMP(3),
    "status" "RemovalRequestStatus" NOT NULL DEFAULT 'UNCONFIRMED',
    "deadline" TIMESTAMP(3),
    "outcome" "RemovalOutcome",
    "publicReason" TEXT,
    "privateReason" TEXT,
    "changes" JSONB,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "removal_requests_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "removal_request_notes" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "removal_request_notes_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "removal_requests_confirmTokenHash_key" ON "removal_requests"("confirmTokenHash");

-- CreateIndex
CREATE INDEX "removal_requests_schoolId_status_deadline_idx" ON "removal_requests"("schoolId", "status", "deadline");

-- CreateIndex
CREATE INDEX "removal_requests_schoolId_requesterEmail_createdAt_idx" ON "removal_requests"("schoolId", "requesterEmail", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "removal_requests_schoolId_id_key" ON "removal_requests"("schoolId", "id");

-- CreateIndex
CREATE INDEX "removal_request_notes_schoolId_requestId_createdAt_idx" ON "removal_request_notes"("schoolId", "requestId", "createdAt");

-- AddForeignKey
ALTER TABLE "removal_requests" ADD CONSTRAINT "removal_requests_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "schools"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "removal_requests" ADD CONSTRAINT "removal_requests_schoolId_articleId_fkey" FOREIGN KEY ("schoolId", "articleId") REFERENCES "articles"("schoolId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "removal_request_notes" ADD CONSTRAINT "removal_request_notes_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "schools"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "removal_request_notes" ADD CONSTRAINT "removal_request_notes_schoolId_requestId_fkey" FOREIGN KEY ("schoolId", "requestId") REFERENCES "removal_requests"("schoolId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Tenant tables like every other (see *_row_level_security). A request arrives from a reader and is
-- confirmed by its token, both as its school; the newsroom reads it as its school too.
ALTER TABLE "removal_requests" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "removal_requests" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "removal_requests" USING (masthead_tenant_allows("schoolId")) WITH CHECK (masthead_tenant_allows("schoolId"));

ALTER TABLE "removal_request_notes" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "removal_request_notes" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "removal_request_notes" USING (masthead_tenant_allows("schoolId")) WITH CHECK (masthead_tenant_allows("schoolId"));
