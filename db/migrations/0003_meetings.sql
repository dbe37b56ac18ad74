CREATE TYPE "public"."meeting_event_status" AS ENUM('draft', 'requests_open', 'scheduled', 'published');--> statement-breakpoint
CREATE TYPE "public"."meeting_status" AS ENUM('scheduled', 'done', 'no_show', 'cancelled');--> statement-breakpoint
CREATE TABLE "meeting_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"zone_id" uuid NOT NULL,
	"workshop_id" uuid,
	"name" text NOT NULL,
	"date" date NOT NULL,
	"time_zone" text DEFAULT 'Europe/Paris' NOT NULL,
	"status" "meeting_event_status" DEFAULT 'draft' NOT NULL,
	"sessions" jsonb NOT NULL,
	"tables" jsonb NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"published_schedule_version" integer,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_participants" (
	"event_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"representatives" integer DEFAULT 1 NOT NULL,
	"max_meetings" integer,
	"min_meetings" integer,
	"unavailable_slots" text[] DEFAULT '{}'::text[] NOT NULL,
	CONSTRAINT "meeting_participants_event_id_organisation_id_pk" PRIMARY KEY("event_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "meeting_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"organisation_a" uuid NOT NULL,
	"organisation_b" uuid NOT NULL,
	"priority_a" integer,
	"priority_b" integer,
	"synergy_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"session" text,
	"fixed_slot" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "meeting_requests_pair_key" UNIQUE("event_id","organisation_a","organisation_b"),
	CONSTRAINT "meeting_requests_ordered_pair" CHECK ("meeting_requests"."organisation_a" < "meeting_requests"."organisation_b"),
	CONSTRAINT "meeting_requests_asked" CHECK ("meeting_requests"."priority_a" is not null or "meeting_requests"."priority_b" is not null)
);
--> statement-breakpoint
CREATE TABLE "meeting_schedules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"kind" text NOT NULL,
	"revision" integer NOT NULL,
	"run_id" uuid,
	"change" jsonb,
	"event_snapshot" jsonb NOT NULL,
	"meetings" jsonb NOT NULL,
	"unscheduled" jsonb NOT NULL,
	"stats" jsonb NOT NULL,
	"changed_organisations" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_schedules_version_key" UNIQUE("event_id","version")
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"request_id" uuid NOT NULL,
	"organisation_ids" uuid[] NOT NULL,
	"slot_id" text NOT NULL,
	"table_id" text NOT NULL,
	"status" "meeting_status" DEFAULT 'scheduled' NOT NULL,
	"outcome" text DEFAULT '' NOT NULL,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "meetings_request_key" UNIQUE("event_id","request_id")
);
--> statement-breakpoint
CREATE TABLE "schedule_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"progress" integer DEFAULT 0 NOT NULL,
	"time_limit_seconds" integer NOT NULL,
	"revision" integer,
	"summary" jsonb,
	"schedule_version" integer,
	"error_code" text,
	"error" text,
	"requested_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "meeting_events" ADD CONSTRAINT "meeting_events_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_events" ADD CONSTRAINT "meeting_events_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_participants" ADD CONSTRAINT "meeting_participants_event_id_meeting_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."meeting_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_participants" ADD CONSTRAINT "meeting_participants_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_requests" ADD CONSTRAINT "meeting_requests_event_id_meeting_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."meeting_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_requests" ADD CONSTRAINT "meeting_requests_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_requests" ADD CONSTRAINT "meeting_requests_participant_a_fk" FOREIGN KEY ("event_id","organisation_a") REFERENCES "public"."meeting_participants"("event_id","organisation_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_requests" ADD CONSTRAINT "meeting_requests_participant_b_fk" FOREIGN KEY ("event_id","organisation_b") REFERENCES "public"."meeting_participants"("event_id","organisation_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_schedules" ADD CONSTRAINT "meeting_schedules_event_id_meeting_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."meeting_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_schedules" ADD CONSTRAINT "meeting_schedules_run_id_schedule_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."schedule_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_schedules" ADD CONSTRAINT "meeting_schedules_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_event_id_meeting_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."meeting_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_request_id_meeting_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."meeting_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schedule_runs" ADD CONSTRAINT "schedule_runs_event_id_meeting_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."meeting_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schedule_runs" ADD CONSTRAINT "schedule_runs_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "meeting_events_zone_idx" ON "meeting_events" USING btree ("zone_id","date");--> statement-breakpoint
CREATE INDEX "meetings_organisations_idx" ON "meetings" USING gin ("organisation_ids");--> statement-breakpoint
CREATE INDEX "schedule_runs_event_idx" ON "schedule_runs" USING btree ("event_id","created_at");