-- Drops what episodes recorded after opening; each event keeps its worst reading in details.
DROP TABLE "emergency_event_updates";
ALTER TABLE "emergency_events" DROP COLUMN "started_at";
DROP TYPE "EmergencyUpdateKind";
