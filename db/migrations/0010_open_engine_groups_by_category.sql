-- Engine pools from before title parts existed (0004) get them, so that the index below finds them by category.
UPDATE "synergies" s SET "title_parts" = jsonb_build_object(
  'template', 'pool',
  'resource', d."kind",
  'categoryCode', d."category_code",
  'firms', (SELECT count(DISTINCT p."organisation_id") FROM "synergy_parties" p WHERE p."synergy_id" = s."id"))
FROM (
  SELECT DISTINCT ON (x."synergy_id") x."synergy_id", dd."kind", dd."category_code"
  FROM "synergy_declarations" x JOIN "declarations" dd ON dd."id" = x."declaration_id"
  ORDER BY x."synergy_id", dd."id"
) d
WHERE d."synergy_id" = s."id" AND s."kind" = 'mutualisation' AND s."origin" = 'engine' AND s."title_parts" IS NULL;--> statement-breakpoint
DROP INDEX "synergies_open_engine_groups_idx";--> statement-breakpoint
CREATE INDEX "synergies_open_engine_groups_idx" ON "synergies" USING btree ("zone_id",("title_parts" ->> 'categoryCode')) WHERE "synergies"."kind" = 'mutualisation' and "synergies"."origin" = 'engine' and "synergies"."status" in ('proposed', 'under_discussion');
