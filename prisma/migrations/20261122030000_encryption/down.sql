-- Reverts 20261122030000_encryption.
DROP TABLE IF EXISTS "user_keys";
