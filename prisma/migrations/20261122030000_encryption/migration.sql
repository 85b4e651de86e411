-- Envelope encryption: one AES-256 data key per user and version, stored only wrapped by a master key.
-- A destroyed key (crypto-shredding) keeps its row as a tombstone with the wrapped key erased.

CREATE TABLE "user_keys" (
    "id" BIGSERIAL NOT NULL,
    "user_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "wrapped_key" TEXT,
    "master_key_id" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "retired_at" TIMESTAMPTZ(3),
    "destroyed_at" TIMESTAMPTZ(3),
    CONSTRAINT "user_keys_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "user_keys_user_id_version_key" ON "user_keys"("user_id", "version");

-- Date of birth is stored encrypted (text ciphertext). No code wrote it before this migration; a value
-- present is kept as text and encrypted by `npm run keys:reencrypt` with the other legacy values.
ALTER TABLE "profiles" ALTER COLUMN "date_of_birth" TYPE TEXT USING "date_of_birth"::text;
