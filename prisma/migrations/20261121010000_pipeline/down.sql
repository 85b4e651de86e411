-- Reverts 20261121010000_pipeline.
ALTER TABLE "care_relationships" DROP COLUMN IF EXISTS "alert_delivery";
DROP TABLE IF EXISTS "archives", "job_runs";
