DROP INDEX "sites_organisation_idx";--> statement-breakpoint
CREATE INDEX "sites_organisation_idx" ON "sites" USING btree ("organisation_id","name");