-- Each production server keeps who people are between requests (lib/auth/people-cache.ts): their
-- membership in each school and since when their sessions hold. The database itself tells every
-- server when that changes: these triggers NOTIFY the person's id on masthead_people as the change
-- commits, whatever statement made it (a role change, a membership ended or restored, a member
-- erased, a password reset or "sign out everywhere"). NOTIFY sends nothing for a transaction that
-- rolls back, and one message per person per transaction.
CREATE FUNCTION masthead_notify_membership_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    PERFORM pg_notify('masthead_people', OLD."userId");
  END IF;
  IF TG_OP <> 'DELETE' THEN
    PERFORM pg_notify('masthead_people', NEW."userId");
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER memberships_notify_people AFTER INSERT OR UPDATE OR DELETE ON "memberships"
  FOR EACH ROW EXECUTE FUNCTION masthead_notify_membership_changed();

CREATE FUNCTION masthead_notify_user_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('masthead_people', OLD.id);
  RETURN NULL;
END $$;

CREATE TRIGGER users_notify_people AFTER UPDATE OF "sessionsValidAfter" OR DELETE ON "users"
  FOR EACH ROW EXECUTE FUNCTION masthead_notify_user_changed();
