-- Emergency episodes: when an episode started, and what it recorded after opening (worse readings,
-- late readings, recoveries). Existing events keep a null start (read as details.atMs, else detected_at)
-- and no updates.
CREATE TYPE "EmergencyUpdateKind" AS ENUM ('READING', 'RECOVERY');

ALTER TABLE "emergency_events" ADD COLUMN "started_at" TIMESTAMPTZ(3);

CREATE TABLE "emergency_event_updates" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "emergency_event_id" UUID NOT NULL,
    "kind" "EmergencyUpdateKind" NOT NULL,
    "reading_key" TEXT NOT NULL,
    "reading_at" TIMESTAMPTZ(3) NOT NULL,
    "details" JSONB NOT NULL,
    "worsened" BOOLEAN NOT NULL DEFAULT false,
    "after_resolution" BOOLEAN NOT NULL DEFAULT false,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "emergency_event_updates_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "emergency_event_updates_emergency_event_id_kind_reading_key_key" ON "emergency_event_updates"("emergency_event_id", "kind", "reading_key");
ALTER TABLE "emergency_event_updates" ADD CONSTRAINT "emergency_event_updates_emergency_event_id_fkey" FOREIGN KEY ("emergency_event_id") REFERENCES "emergency_events"("id") ON DELETE CASCADE ON UPDATE CASCADE;
