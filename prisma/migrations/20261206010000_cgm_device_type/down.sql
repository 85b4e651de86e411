-- PostgreSQL cannot drop an enum value: rebuild the type without it. CGM devices become glucose meters
-- (the closest older type; their readings then deduplicate as fingersticks again).
UPDATE "devices" SET "type" = 'glucometer' WHERE "type" = 'cgm';
ALTER TYPE "DeviceType" RENAME TO "DeviceType_old";
CREATE TYPE "DeviceType" AS ENUM ('watch', 'phone', 'tablet', 'wearable', 'scale', 'bp_monitor', 'glucometer', 'thermometer', 'pulse_oximeter', 'manual');
ALTER TABLE "devices" ALTER COLUMN "type" TYPE "DeviceType" USING "type"::text::"DeviceType";
DROP TYPE "DeviceType_old";
