-- Back to the layout before 20261207020000_lean_health_samples: the first column order and the record
-- key on the record id's text. Same copy-and-swap as the migration.
ALTER TABLE "health_samples" RENAME TO "health_samples_old";
ALTER TABLE "health_samples_old" DROP CONSTRAINT "health_samples_pkey";
DROP INDEX "health_samples_user_id_type_start_at_idx";
DROP INDEX "health_samples_device_record_key";
DROP INDEX "health_samples_device_interval_key";
ALTER SEQUENCE "health_samples_id_seq" OWNED BY NONE;
DO $$
DECLARE part RECORD;
BEGIN
  FOR part IN SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
              WHERE i.inhparent = 'health_samples_old'::regclass LOOP
    EXECUTE format('ALTER TABLE %I RENAME TO %I', part.relname, 'old_' || part.relname);
  END LOOP;
END $$;

CREATE TABLE "health_samples" (
    "id" BIGINT NOT NULL DEFAULT nextval('health_samples_id_seq'::regclass),
    "user_id" UUID NOT NULL,
    "device_id" UUID NOT NULL,
    "type" "HealthType" NOT NULL,
    "start_at" TIMESTAMPTZ(3) NOT NULL,
    "end_at" TIMESTAMPTZ(3) NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "category" TEXT,
    "client_record_id" TEXT,
    "version" INTEGER,
    "metadata" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
) PARTITION BY RANGE ("start_at");
ALTER SEQUENCE "health_samples_id_seq" OWNED BY "health_samples"."id";

DO $$
DECLARE part RECORD;
BEGIN
  FOR part IN SELECT to_date(right(c.relname, 7), 'YYYY_MM') AS month FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
              WHERE i.inhparent = 'health_samples_old'::regclass LOOP
    PERFORM ensure_health_sample_partitions(part.month, part.month);
  END LOOP;
END $$;
SELECT ensure_health_sample_partitions((CURRENT_DATE - INTERVAL '3 months')::date, (CURRENT_DATE + INTERVAL '3 months')::date);

INSERT INTO "health_samples" (id, user_id, device_id, type, start_at, end_at, value, category, client_record_id, version, metadata, created_at)
SELECT id, user_id, device_id, type, start_at, end_at, value, category, client_record_id, version, metadata, created_at
FROM "health_samples_old" ORDER BY start_at, id;
DROP TABLE "health_samples_old";

ALTER TABLE "health_samples" ADD CONSTRAINT "health_samples_pkey" PRIMARY KEY ("id", "start_at");
CREATE INDEX "health_samples_user_id_type_start_at_idx" ON "health_samples"("user_id", "type", "start_at");
CREATE UNIQUE INDEX "health_samples_device_record_key" ON "health_samples"("device_id", "client_record_id", "start_at") WHERE "client_record_id" IS NOT NULL;
CREATE UNIQUE INDEX "health_samples_device_interval_key" ON "health_samples"("device_id", "type", "start_at", "end_at") WHERE "client_record_id" IS NULL;
