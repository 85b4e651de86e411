-- Sign-up (issue 15): an account's e-mail is verified before it may share data or join a care team, and
-- a doctor is approved by an admin (licence number and issuing body given at sign-up) before anyone can
-- invite them. Accounts that exist before this (the demo, accounts made by admins) count as verified and
-- approved.
CREATE TYPE "DoctorApproval" AS ENUM ('PENDING', 'APPROVED', 'REJECTED');

ALTER TABLE "users"
  ADD COLUMN "email_verified_at" TIMESTAMPTZ(3),
  ADD COLUMN "doctor_approval" "DoctorApproval",
  ADD COLUMN "doctor_licence_number" TEXT,
  ADD COLUMN "doctor_licence_body" TEXT,
  ADD COLUMN "doctor_reviewed_at" TIMESTAMPTZ(3),
  ADD COLUMN "doctor_rejection_reason" TEXT;

UPDATE "users" SET "email_verified_at" = "created_at";
UPDATE "users" SET "doctor_approval" = 'APPROVED', "doctor_reviewed_at" = "created_at" WHERE "role" = 'DOCTOR';
