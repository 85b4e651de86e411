-- Care-team invitations (issue 15): a patient invites a doctor or caregiver, or a doctor a patient, by
-- e-mail (a single-use link whose token is stored as a SHA-256 hash) or, at a doctor's desk, by a short
-- code the patient types in. The invitee's address is encrypted with the inviter's key and found through
-- its blind index; an invitation belongs to that address. "Expired" is a pending one past expires_at.
CREATE TYPE "InvitationStatus" AS ENUM ('PENDING', 'ACCEPTED', 'DECLINED', 'WITHDRAWN');

CREATE TABLE "care_invitations" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "inviter_id" UUID NOT NULL,
  "invitee_email_index" TEXT,
  "invitee_email_ciphertext" TEXT,
  "role" "Role" NOT NULL,
  "can_view" BOOLEAN NOT NULL DEFAULT true,
  "can_log_data" BOOLEAN NOT NULL DEFAULT false,
  "can_receive_alerts" BOOLEAN NOT NULL DEFAULT false,
  "token_hash" TEXT,
  "code_hash" TEXT,
  "status" "InvitationStatus" NOT NULL DEFAULT 'PENDING',
  "expires_at" TIMESTAMPTZ(3) NOT NULL,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "decided_at" TIMESTAMPTZ(3),
  CONSTRAINT "care_invitations_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "care_invitations_role_check" CHECK ("role" IN ('DOCTOR', 'CAREGIVER', 'PATIENT')),
  CONSTRAINT "care_invitations_inviter_id_fkey" FOREIGN KEY ("inviter_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE UNIQUE INDEX "care_invitations_token_hash_key" ON "care_invitations"("token_hash");
CREATE UNIQUE INDEX "care_invitations_code_hash_key" ON "care_invitations"("code_hash");
CREATE INDEX "care_invitations_inviter_id_status_idx" ON "care_invitations"("inviter_id", "status");
CREATE INDEX "care_invitations_invitee_email_index_status_idx" ON "care_invitations"("invitee_email_index", "status");
