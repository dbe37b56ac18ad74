CREATE INDEX "users_organisation_idx" ON "users" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "declarations_active_zone_category_idx" ON "declarations" USING btree ("zone_id","category_code") WHERE status = 'active';--> statement-breakpoint
CREATE INDEX "declarations_active_zone_waste_idx" ON "declarations" USING btree ("zone_id","waste_code") WHERE status = 'active' and waste_code is not null;--> statement-breakpoint
CREATE INDEX "declarations_active_zone_waste_sub_chapter_idx" ON "declarations" USING btree ("zone_id",left("waste_code", 5)) WHERE status = 'active' and waste_code is not null;--> statement-breakpoint
CREATE INDEX "declarations_open_category_idx" ON "declarations" USING btree ("category_code") WHERE status = 'active' and visibility = 'all';--> statement-breakpoint
CREATE INDEX "declarations_open_waste_idx" ON "declarations" USING btree ("waste_code") WHERE status = 'active' and visibility = 'all' and waste_code is not null;--> statement-breakpoint
CREATE INDEX "declarations_open_waste_sub_chapter_idx" ON "declarations" USING btree (left("waste_code", 5)) WHERE status = 'active' and visibility = 'all' and waste_code is not null;