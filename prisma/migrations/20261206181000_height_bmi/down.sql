-- PostgreSQL cannot drop an enum value: the type is rebuilt without the two, after everything of these
-- types is removed (samples, aggregates, pending work, priorities, catalogue rows, share scopes).
DELETE FROM "health_samples" WHERE "type"::text IN ('HEIGHT', 'BMI');
DELETE FROM "health_aggregates" WHERE "type"::text IN ('HEIGHT', 'BMI');
DELETE FROM "dirty_ranges" WHERE "type"::text IN ('HEIGHT', 'BMI');
DELETE FROM "device_type_priorities" WHERE "health_type"::text IN ('HEIGHT', 'BMI');
DELETE FROM "health_types" WHERE "type"::text IN ('HEIGHT', 'BMI');
UPDATE "share_tokens" SET "types" = (SELECT array_agg(t) FROM unnest("types") t WHERE t::text NOT IN ('HEIGHT', 'BMI'))
WHERE "types"::text[] && ARRAY['HEIGHT', 'BMI'];
ALTER TYPE "HealthType" RENAME TO "HealthType_old";
CREATE TYPE "HealthType" AS ENUM ('STEPS', 'DISTANCE', 'ACTIVE_ENERGY', 'HEART_RATE', 'RESTING_HEART_RATE', 'BLOOD_PRESSURE_SYSTOLIC', 'BLOOD_PRESSURE_DIASTOLIC', 'WEIGHT', 'BODY_FAT', 'BLOOD_GLUCOSE', 'OXYGEN_SATURATION', 'BODY_TEMPERATURE', 'RESPIRATORY_RATE', 'SLEEP_ANALYSIS', 'SLEEP_STATE', 'MENSTRUAL_FLOW', 'WORKOUT', 'INSULIN', 'CARBOHYDRATES');
ALTER TABLE "health_types" ALTER COLUMN "type" TYPE "HealthType" USING "type"::text::"HealthType";
ALTER TABLE "health_samples" ALTER COLUMN "type" TYPE "HealthType" USING "type"::text::"HealthType";
ALTER TABLE "health_aggregates" ALTER COLUMN "type" TYPE "HealthType" USING "type"::text::"HealthType";
ALTER TABLE "dirty_ranges" ALTER COLUMN "type" TYPE "HealthType" USING "type"::text::"HealthType";
ALTER TABLE "device_type_priorities" ALTER COLUMN "health_type" TYPE "HealthType" USING "health_type"::text::"HealthType";
ALTER TABLE "share_tokens" ALTER COLUMN "types" TYPE "HealthType"[] USING "types"::text[]::"HealthType"[];
DROP TYPE "HealthType_old";
