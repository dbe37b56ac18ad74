-- Wakes every server instance's search relay as soon as a change is committed.
CREATE OR REPLACE FUNCTION notify_search_outbox() RETURNS trigger AS $$
BEGIN
  PERFORM pg_notify('search_outbox', '');
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER search_outbox_notify AFTER INSERT ON search_outbox
  FOR EACH STATEMENT EXECUTE FUNCTION notify_search_outbox();
