CREATE TYPE "public"."synergy_kind" AS ENUM('substitution', 'mutualisation', 'sharing', 'potential_taker');--> statement-breakpoint
CREATE TYPE "public"."synergy_origin" AS ENUM('engine', 'facilitator', 'marketplace');--> statement-breakpoint
CREATE TYPE "public"."synergy_status" AS ENUM('proposed', 'under_discussion', 'in_study', 'implemented', 'dropped');--> statement-breakpoint
CREATE TABLE "exchanges" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"synergy_id" uuid NOT NULL,
	"declaration_id" uuid,
	"giver_id" uuid NOT NULL,
	"taker_id" uuid NOT NULL,
	"description" text NOT NULL,
	"quantity" double precision NOT NULL,
	"unit" "unit" NOT NULL,
	"handed_over_at" timestamp with time zone NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "impact_factors" (
	"category_code" text PRIMARY KEY NOT NULL,
	"co2e_kg_per_tonne" double precision NOT NULL,
	"euros_per_tonne" double precision NOT NULL,
	"kg_per_unit" double precision DEFAULT 1 NOT NULL,
	"reference_trip_km" double precision DEFAULT 30 NOT NULL,
	"tonnes_per_trip" double precision DEFAULT 5 NOT NULL,
	"source" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "match_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"zone_id" uuid,
	"status" text DEFAULT 'queued' NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"done" integer DEFAULT 0 NOT NULL,
	"proposals" integer DEFAULT 0 NOT NULL,
	"error" text,
	"requested_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"synergy_id" uuid,
	"type" text NOT NULL,
	"text" text NOT NULL,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "synergies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"zone_id" uuid NOT NULL,
	"kind" "synergy_kind" NOT NULL,
	"proposal_key" text,
	"origin" "synergy_origin" NOT NULL,
	"status" "synergy_status" DEFAULT 'proposed' NOT NULL,
	"title" text NOT NULL,
	"score" double precision,
	"reasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"explanation_fr" text DEFAULT '' NOT NULL,
	"explanation_en" text DEFAULT '' NOT NULL,
	"fingerprint" text,
	"drop_reason" text,
	"validated_by" uuid,
	"validated_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "synergy_declarations" (
	"synergy_id" uuid NOT NULL,
	"declaration_id" uuid NOT NULL,
	CONSTRAINT "synergy_declarations_synergy_id_declaration_id_pk" PRIMARY KEY("synergy_id","declaration_id")
);
--> statement-breakpoint
CREATE TABLE "synergy_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"synergy_id" uuid NOT NULL,
	"type" text NOT NULL,
	"from_status" "synergy_status",
	"to_status" "synergy_status",
	"user_id" uuid,
	"organisation_id" uuid,
	"note" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "synergy_impacts" (
	"synergy_id" uuid PRIMARY KEY NOT NULL,
	"quantity" double precision NOT NULL,
	"unit" "unit" NOT NULL,
	"per_year" boolean NOT NULL,
	"year" integer NOT NULL,
	"tonnes" double precision NOT NULL,
	"euros_saved" double precision NOT NULL,
	"co2e_kg" double precision NOT NULL,
	"km_avoided" double precision NOT NULL,
	"factor_code" text NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "synergy_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"synergy_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"organisation_id" uuid,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "synergy_parties" (
	"synergy_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"declaration_id" uuid,
	"role" text NOT NULL,
	"accepted_at" timestamp with time zone,
	"declined_at" timestamp with time zone,
	CONSTRAINT "synergy_parties_synergy_id_organisation_id_pk" PRIMARY KEY("synergy_id","organisation_id")
);
--> statement-breakpoint
ALTER TABLE "exchanges" ADD CONSTRAINT "exchanges_synergy_id_synergies_id_fk" FOREIGN KEY ("synergy_id") REFERENCES "public"."synergies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchanges" ADD CONSTRAINT "exchanges_declaration_id_declarations_id_fk" FOREIGN KEY ("declaration_id") REFERENCES "public"."declarations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchanges" ADD CONSTRAINT "exchanges_giver_id_organisations_id_fk" FOREIGN KEY ("giver_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchanges" ADD CONSTRAINT "exchanges_taker_id_organisations_id_fk" FOREIGN KEY ("taker_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchanges" ADD CONSTRAINT "exchanges_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_runs" ADD CONSTRAINT "match_runs_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_runs" ADD CONSTRAINT "match_runs_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_synergy_id_synergies_id_fk" FOREIGN KEY ("synergy_id") REFERENCES "public"."synergies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "synergies" ADD CONSTRAINT "synergies_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "synergies" ADD CONSTRAINT "synergies_validated_by_users_id_fk" FOREIGN KEY ("validated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "synergies" ADD CONSTRAINT "synergies_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "synergy_declarations" ADD CONSTRAINT "synergy_declarations_synergy_id_synergies_id_fk" FOREIGN KEY ("synergy_id") REFERENCES "public"."synergies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "synergy_declarations" ADD CONSTRAINT "synergy_declarations_declaration_id_declarations_id_fk" FOREIGN KEY ("declaration_id") REFERENCES "public"."declarations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "synergy_events" ADD CONSTRAINT "synergy_events_synergy_id_synergies_id_fk" FOREIGN KEY ("synergy_id") REFERENCES "public"."synergies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "synergy_events" ADD CONSTRAINT "synergy_events_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "synergy_events" ADD CONSTRAINT "synergy_events_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "synergy_impacts" ADD CONSTRAINT "synergy_impacts_synergy_id_synergies_id_fk" FOREIGN KEY ("synergy_id") REFERENCES "public"."synergies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "synergy_messages" ADD CONSTRAINT "synergy_messages_synergy_id_synergies_id_fk" FOREIGN KEY ("synergy_id") REFERENCES "public"."synergies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "synergy_messages" ADD CONSTRAINT "synergy_messages_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "synergy_messages" ADD CONSTRAINT "synergy_messages_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "synergy_parties" ADD CONSTRAINT "synergy_parties_synergy_id_synergies_id_fk" FOREIGN KEY ("synergy_id") REFERENCES "public"."synergies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "synergy_parties" ADD CONSTRAINT "synergy_parties_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "synergy_parties" ADD CONSTRAINT "synergy_parties_declaration_id_declarations_id_fk" FOREIGN KEY ("declaration_id") REFERENCES "public"."declarations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "synergies_proposal_key_idx" ON "synergies" USING btree ("proposal_key");--> statement-breakpoint
CREATE INDEX "synergies_zone_status_idx" ON "synergies" USING btree ("zone_id","status","score");--> statement-breakpoint
CREATE INDEX "synergy_declarations_declaration_idx" ON "synergy_declarations" USING btree ("declaration_id");--> statement-breakpoint
CREATE INDEX "synergy_events_synergy_idx" ON "synergy_events" USING btree ("synergy_id","at");--> statement-breakpoint
CREATE INDEX "synergy_messages_synergy_idx" ON "synergy_messages" USING btree ("synergy_id","created_at");--> statement-breakpoint
CREATE INDEX "synergy_parties_organisation_idx" ON "synergy_parties" USING btree ("organisation_id");