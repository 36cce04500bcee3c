-- The workflow event log is the newsroom's record of every decision: rows are written once and
-- never changed. Deleting a whole school (cascade) is the one exception, done by the owner role
-- through TRUNCATE-free cascades, so only UPDATE is refused outright and DELETE is refused unless
-- the parent article is being removed in the same statement.
CREATE FUNCTION workflow_events_refuse_update() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'workflow_events is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER workflow_events_append_only
  BEFORE UPDATE ON "workflow_events"
  FOR EACH ROW EXECUTE FUNCTION workflow_events_refuse_update();

CREATE FUNCTION workflow_events_refuse_orphan_delete() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  -- A cascade from the article (or the school) has already removed the parent row.
  IF EXISTS (SELECT 1 FROM "articles" WHERE "id" = OLD."articleId") THEN
    RAISE EXCEPTION 'workflow_events is append-only: DELETE is not allowed'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN OLD;
END;
$$;

CREATE TRIGGER workflow_events_no_delete
  BEFORE DELETE ON "workflow_events"
  FOR EACH ROW EXECUTE FUNCTION workflow_events_refuse_orphan_delete();
