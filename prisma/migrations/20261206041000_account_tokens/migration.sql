-- Sign-up, e-mail verification, password reset and e-mail change (issue 15): single-use links whose
-- tokens (256 random bits) are stored only as SHA-256 hashes. A verification token names the address it
-- verifies (its blind index): the account's current one, or the pending new one of an e-mail change, so
-- a link sent to an address the account no longer has or wants verifies nothing.
CREATE TYPE "AccountTokenPurpose" AS ENUM ('VERIFY_EMAIL', 'PASSWORD_RESET');

CREATE TABLE "account_tokens" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "user_id" UUID NOT NULL,
  "purpose" "AccountTokenPurpose" NOT NULL,
  "token_hash" TEXT NOT NULL,
  "email_index" TEXT,
  "expires_at" TIMESTAMPTZ(3) NOT NULL,
  "used_at" TIMESTAMPTZ(3),
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "account_tokens_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "account_tokens_token_hash_key" ON "account_tokens"("token_hash");
CREATE INDEX "account_tokens_user_id_purpose_idx" ON "account_tokens"("user_id", "purpose");
CREATE INDEX "account_tokens_expires_at_idx" ON "account_tokens"("expires_at");

ALTER TABLE "account_tokens" ADD CONSTRAINT "account_tokens_user_id_fkey"
  FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- An e-mail change waits here (encrypted like the address, with its blind index) until the link sent to
-- the new address is used.
ALTER TABLE "users"
  ADD COLUMN "pending_email_index" TEXT,
  ADD COLUMN "pending_email_ciphertext" TEXT;
