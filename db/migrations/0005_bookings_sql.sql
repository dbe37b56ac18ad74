-- A representative attends one booked meeting at a time: overlapping ranges of one user are refused
-- by the database itself, so two acceptances racing each other cannot both commit.
CREATE EXTENSION IF NOT EXISTS btree_gist;--> statement-breakpoint
ALTER TABLE "booking_attendees" DROP CONSTRAINT IF EXISTS "booking_attendees_no_overlap";--> statement-breakpoint
ALTER TABLE "booking_attendees" ADD CONSTRAINT "booking_attendees_no_overlap"
  EXCLUDE USING gist ("user_id" WITH =, tstzrange("starts_at", "ends_at") WITH &&);
