-- Reader pages list a school's live stories newest first: the front page's latest, each section's
-- page and front, an article's related stories, the feeds. A story is live while it has a
-- published revision, whatever its workflow status, and no index held live stories in that order,
-- so each list read every live story of the school (or section), joined its section and revision,
-- and sorted them to keep the first few: in a 5,000-story paper at 100,000 articles the front
-- page's latest took 51 ms and an article's related stories 8 ms on their first render after each
-- publish.
-- With these the list reads only the rows it shows (0.1 ms).
CREATE INDEX "articles_live_newest_idx" ON "articles" ("schoolId", "publishedAt" DESC, "id" DESC) WHERE "publishedRevisionId" IS NOT NULL;
CREATE INDEX "articles_live_section_newest_idx" ON "articles" ("schoolId", "sectionId", "publishedAt" DESC, "id" DESC) WHERE "publishedRevisionId" IS NOT NULL;

-- A section belongs to one school, which the planner cannot know by itself: it multiplied the two
-- conditions' selectivities, expected a few dozen of a section's thousand stories, and chose to
-- join and sort them all rather than read the newest few in order.
CREATE STATISTICS "articles_school_section" (dependencies, mcv) ON "schoolId", "sectionId" FROM "articles";
ANALYZE "articles";
