-- Drops the account links (unused links stop working) and pending e-mail changes.
ALTER TABLE "users" DROP COLUMN "pending_email_index", DROP COLUMN "pending_email_ciphertext";
DROP TABLE "account_tokens";
DROP TYPE "AccountTokenPurpose";
