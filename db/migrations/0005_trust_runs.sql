ALTER TABLE "match_runs" ADD COLUMN "updated" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "match_runs" ADD COLUMN "retired" integer DEFAULT 0 NOT NULL;