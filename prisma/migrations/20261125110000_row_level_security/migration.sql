-- Tenant isolation in the database itself, beneath the app's own scoping: every row of a tenant
-- table is visible and writable only while the transaction's masthead.tenant setting names its
-- school (lib/db.ts sets it per transaction). A statement without that setting sees no rows at
-- all. The value 'platform' is the explicit, reviewed exception for the few jobs that span
-- schools (the scheduler's scan, custom-host lookup, a person's list of schools, backups).
--
-- Superusers bypass row-level security, so the app works as the role masthead_app: a superuser
-- connection switches to it (SET ROLE, see lib/db.ts); any other owner is held to the policies by
-- FORCE ROW LEVEL SECURITY.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'masthead_app') THEN
    CREATE ROLE masthead_app NOLOGIN;
  END IF;
  EXECUTE format('GRANT masthead_app TO %I', current_user);
EXCEPTION WHEN insufficient_privilege THEN
  RAISE NOTICE 'masthead_app could not be created here; the connecting role is held to the policies by FORCE ROW LEVEL SECURITY';
END $$;

DO $$
BEGIN
  IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'masthead_app') THEN
    GRANT USAGE ON SCHEMA public TO masthead_app;
    GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO masthead_app;
    GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO masthead_app;
    ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO masthead_app;
    ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO masthead_app;
  END IF;
END $$;

CREATE FUNCTION masthead_tenant_allows(school_id text) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT coalesce(current_setting('masthead.tenant', true), '') IN (school_id, 'platform') AND coalesce(current_setting('masthead.tenant', true), '') <> ''
$$;

ALTER TABLE "school_domains" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "school_domains" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "school_domains" USING (masthead_tenant_allows("schoolId")) WITH CHECK (masthead_tenant_allows("schoolId"));

ALTER TABLE "memberships" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "memberships" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "memberships" USING (masthead_tenant_allows("schoolId")) WITH CHECK (masthead_tenant_allows("schoolId"));

ALTER TABLE "masthead_entries" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "masthead_entries" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "masthead_entries" USING (masthead_tenant_allows("schoolId")) WITH CHECK (masthead_tenant_allows("schoolId"));

ALTER TABLE "invitations" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "invitations" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "invitations" USING (masthead_tenant_allows("schoolId")) WITH CHECK (masthead_tenant_allows("schoolId"));

ALTER TABLE "sections" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "sections" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "sections" USING (masthead_tenant_allows("schoolId")) WITH CHECK (masthead_tenant_allows("schoolId"));

ALTER TABLE "articles" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "articles" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "articles" USING (masthead_tenant_allows("schoolId")) WITH CHECK (masthead_tenant_allows("schoolId"));

ALTER TABLE "article_revisions" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "article_revisions" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "article_revisions" USING (masthead_tenant_allows("schoolId")) WITH CHECK (masthead_tenant_allows("schoolId"));

ALTER TABLE "bylines" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "bylines" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "bylines" USING (masthead_tenant_allows("schoolId")) WITH CHECK (masthead_tenant_allows("schoolId"));

ALTER TABLE "workflow_events" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "workflow_events" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "workflow_events" USING (masthead_tenant_allows("schoolId")) WITH CHECK (masthead_tenant_allows("schoolId"));

ALTER TABLE "comments" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "comments" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "comments" USING (masthead_tenant_allows("schoolId")) WITH CHECK (masthead_tenant_allows("schoolId"));

ALTER TABLE "corrections" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "corrections" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "corrections" USING (masthead_tenant_allows("schoolId")) WITH CHECK (masthead_tenant_allows("schoolId"));

ALTER TABLE "notifications" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "notifications" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "notifications" USING (masthead_tenant_allows("schoolId")) WITH CHECK (masthead_tenant_allows("schoolId"));

ALTER TABLE "outbox_emails" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "outbox_emails" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "outbox_emails" USING (masthead_tenant_allows("schoolId")) WITH CHECK (masthead_tenant_allows("schoolId"));

ALTER TABLE "assignments" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "assignments" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "assignments" USING (masthead_tenant_allows("schoolId")) WITH CHECK (masthead_tenant_allows("schoolId"));

ALTER TABLE "editions" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "editions" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "editions" USING (masthead_tenant_allows("schoolId")) WITH CHECK (masthead_tenant_allows("schoolId"));

ALTER TABLE "edition_articles" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "edition_articles" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "edition_articles" USING (masthead_tenant_allows("schoolId")) WITH CHECK (masthead_tenant_allows("schoolId"));

ALTER TABLE "media" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "media" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "media" USING (masthead_tenant_allows("schoolId")) WITH CHECK (masthead_tenant_allows("schoolId"));
