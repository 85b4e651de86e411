-- Reverts 20261122030000_encryption. Encrypted values cannot become dates again: they are dropped.
ALTER TABLE "profiles" ALTER COLUMN "date_of_birth" TYPE DATE USING NULL;
DROP TABLE IF EXISTS "user_keys";
