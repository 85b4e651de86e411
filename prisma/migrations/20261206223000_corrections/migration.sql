-- Corrections (issue 19): every entry a person made by hand — a reading (samples of the patient's
-- "Manual entry" device sharing one client record id `manual:<entry uuid>`), a health event, a meal —
-- can be corrected or retracted by its author or the patient. The live row is replaced (a newer sample
-- version, the event's or meal's new fields) or removed, and the state it had before each change is kept
-- here, whole and encrypted with the patient's data key (lib/data/corrections.ts): an append-only history.
CREATE TABLE "entry_revisions" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "user_id" UUID NOT NULL,
    "entry_kind" TEXT NOT NULL,
    "entry_id" UUID NOT NULL,
    "revision" INTEGER NOT NULL,
    "action" TEXT NOT NULL,
    "snapshot" TEXT NOT NULL,
    "changed_by_id" UUID NOT NULL,
    "changed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "entry_revisions_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "entry_revisions_kind_check" CHECK ("entry_kind" IN ('reading', 'event', 'meal')),
    CONSTRAINT "entry_revisions_action_check" CHECK ("action" IN ('CORRECTED', 'RETRACTED')),
    CONSTRAINT "entry_revisions_revision_check" CHECK ("revision" >= 1)
);
CREATE UNIQUE INDEX "entry_revisions_entry_revision_key" ON "entry_revisions"("user_id", "entry_kind", "entry_id", "revision");
ALTER TABLE "entry_revisions" ADD CONSTRAINT "entry_revisions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
