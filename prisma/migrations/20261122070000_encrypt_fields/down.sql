-- Reverts 20261122070000_encrypt_fields. Ciphertexts cannot become JSON again: they are dropped
-- (legacy JSON text is kept).
ALTER TABLE "users" DROP COLUMN IF EXISTS "deletion_requested_at";
ALTER TABLE "health_events" ALTER COLUMN "payload" TYPE JSONB
  USING CASE WHEN "payload" LIKE '{%' THEN "payload"::jsonb ELSE '{}'::jsonb END;
ALTER TABLE "health_samples" ALTER COLUMN "metadata" TYPE JSONB
  USING CASE WHEN "metadata" LIKE '{%' THEN "metadata"::jsonb END;
