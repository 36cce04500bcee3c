-- Reader search is always within one school (lib/search/search.ts), but the story index covered
-- every school's stories at once: a word most stories share ("budget" in 86,000 of 100,000) built
-- a bitmap over the whole platform on every search before the school was applied (10–14 ms of a
-- 20–40 ms search). With btree_gin the index leads with the school, as every tenant index does, and
-- a search reads only its own paper's entries (2–6 ms). btree_gin ships with PostgreSQL and is a
-- trusted extension: a database owner without superuser rights may create it.
CREATE EXTENSION IF NOT EXISTS btree_gin;
CREATE INDEX "articles_schoolId_searchVector_idx" ON "articles" USING GIN ("schoolId", "searchVector");
DROP INDEX "articles_searchVector_idx";
