DROP INDEX "emergency_events_medication_id_idx";
ALTER TABLE "emergency_events" DROP COLUMN "medication_id";
DELETE FROM "emergency_events" WHERE "kind" = 'MISSED_MEDICATION';
ALTER TYPE "EmergencyKind" RENAME TO "EmergencyKind_old";
CREATE TYPE "EmergencyKind" AS ENUM ('GLUCOSE_LOW', 'GLUCOSE_HIGH', 'BLOOD_PRESSURE_CRISIS');
ALTER TABLE "emergency_events" ALTER COLUMN "kind" TYPE "EmergencyKind" USING "kind"::text::"EmergencyKind";
DROP TYPE "EmergencyKind_old";
DROP TABLE "medication_reminders";
