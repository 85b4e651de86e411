-- The address a patient typed for a share with a person, encrypted with the patient's data key
-- (lib/data/shares.ts), so their list shows whom they shared with, the same for every address: whether
-- it belongs to a doctor or caregiver account is never shown to the patient. Older shares keep null.
ALTER TABLE "share_tokens" ADD COLUMN "recipient_email" TEXT;
