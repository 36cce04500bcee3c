-- Row-level security tests a row against its policy before any condition of the statement that
-- PostgreSQL does not know to be LEAKPROOF, and an index can only apply conditions that may run
-- before the policy. Text search's match (tsvector @@ tsquery) is not marked so, so under the
-- policies the school's stories index narrowed a search to the school alone: every story of the
-- paper had its search vector read and matched, 5,008 of them for a broad query in a 5,000-story
-- paper (30 ms, against 11 ms when the index applies the match; lib/search/search.ts).
--
-- The match reveals nothing of a row but whether it matches, and raises no error that depends on
-- the row, so it is marked LEAKPROOF here, where the migration runs as a superuser (only a
-- superuser may). Elsewhere, search stays correct and pays the cost above.
DO $$
BEGIN
  IF (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
    ALTER FUNCTION pg_catalog.ts_match_vq(tsvector, tsquery) LEAKPROOF;
  ELSE
    RAISE NOTICE 'text search''s match could not be marked LEAKPROOF without a superuser: search tests every story of a school against the query';
  END IF;
END $$;
