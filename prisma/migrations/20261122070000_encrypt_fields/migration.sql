-- Field encryption, continued: sample metadata becomes text holding a ciphertext (lib/data/sample-fields.ts).
-- Existing JSON is kept as JSON text and encrypted by `npm run keys:reencrypt` with the other legacy values.
-- (health_samples is partitioned: the parent's ALTER changes every partition.)
ALTER TABLE "health_samples" ALTER COLUMN "metadata" TYPE TEXT USING "metadata"::text;

-- Health event payloads likewise (lib/data/event-fields.ts).
ALTER TABLE "health_events" ALTER COLUMN "payload" TYPE TEXT USING "payload"::text;
