-- health_samples rebuilt leaner (issue 20, storage per sample):
-- * columns ordered by alignment (8-byte, then the uuids and the 4-byte ones, then the texts), so no
--   row carries padding;
-- * layer 1 of dedup (dedup.md) keys a record id by its 64-bit hash instead of its text: the unique index
--   holds (device, hash, start) in 32 bytes instead of the id's text. Every lookup by record id
--   (lib/data/record-ids.ts) matches the hash through this index and then compares the text itself, so
--   two ids with one hash are never taken for one record; a colliding insert is refused, never merged
--   (lib/data/sync-samples.ts).
-- The table is partitioned, so it is copied: new parent and monthly partitions, INSERT … SELECT, swap.
-- The indexes are built after the copy (packed, in sorted order). Ids, times and every value are kept.
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
    "start_at" TIMESTAMPTZ(3) NOT NULL,
    "end_at" TIMESTAMPTZ(3) NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "user_id" UUID NOT NULL,
    "device_id" UUID NOT NULL,
    "type" "HealthType" NOT NULL,
    "version" INTEGER,
    "client_record_id" TEXT,
    "category" TEXT,
    "metadata" TEXT
) PARTITION BY RANGE ("start_at");
ALTER SEQUENCE "health_samples_id_seq" OWNED BY "health_samples"."id";

-- The same months as before (at least the window the init migration creates).
DO $$
DECLARE part RECORD;
BEGIN
  FOR part IN SELECT to_date(right(c.relname, 7), 'YYYY_MM') AS month FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
              WHERE i.inhparent = 'health_samples_old'::regclass LOOP
    PERFORM ensure_health_sample_partitions(part.month, part.month);
  END LOOP;
END $$;
SELECT ensure_health_sample_partitions((CURRENT_DATE - INTERVAL '3 months')::date, (CURRENT_DATE + INTERVAL '3 months')::date);

INSERT INTO "health_samples" (id, start_at, end_at, value, created_at, user_id, device_id, type, version, client_record_id, category, metadata)
SELECT id, start_at, end_at, value, created_at, user_id, device_id, type, version, client_record_id, category, metadata
FROM "health_samples_old" ORDER BY start_at, id;
DROP TABLE "health_samples_old";

ALTER TABLE "health_samples" ADD CONSTRAINT "health_samples_pkey" PRIMARY KEY ("id", "start_at");
CREATE INDEX "health_samples_user_id_type_start_at_idx" ON "health_samples"("user_id", "type", "start_at");
-- Layer 1 of dedup (dedup.md): the device's own record id (by its hash), else (device, type, start, end).
-- Partial and expression indexes cannot be declared in schema.prisma; the drift test knows about them.
CREATE UNIQUE INDEX "health_samples_device_record_key" ON "health_samples"("device_id", hashtextextended("client_record_id", 0), "start_at") WHERE "client_record_id" IS NOT NULL;
CREATE UNIQUE INDEX "health_samples_device_interval_key" ON "health_samples"("device_id", "type", "start_at", "end_at") WHERE "client_record_id" IS NULL;
