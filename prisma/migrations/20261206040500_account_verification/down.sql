ALTER TABLE "users"
  DROP COLUMN "email_verified_at",
  DROP COLUMN "doctor_approval",
  DROP COLUMN "doctor_licence_number",
  DROP COLUMN "doctor_licence_body",
  DROP COLUMN "doctor_reviewed_at",
  DROP COLUMN "doctor_rejection_reason";
DROP TYPE "DoctorApproval";
