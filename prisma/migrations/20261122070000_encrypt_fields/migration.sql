-- Field encryption, continued: sample metadata becomes text holding a ciphertext (lib/data/sample-fields.ts).
-- Existing JSON is kept as JSON text and encrypted by `npm run keys:reencrypt` with the other legacy values.
-- (health_samples is partitioned: the parent's ALTER changes every partition.)
ALTER TABLE "health_samples" ALTER COLUMN "metadata" TYPE TEXT USING "metadata"::text;

-- Health event payloads likewise (lib/data/event-fields.ts).
ALTER TABLE "health_events" ALTER COLUMN "payload" TYPE TEXT USING "payload"::text;

-- Deleting a user: an admin requests it (the account is disabled at once); once the grace period of
-- the retention policy has passed, the retention job destroys the user's keys and deletes their rows.
ALTER TABLE "users" ADD COLUMN "deletion_requested_at" TIMESTAMPTZ(3);
