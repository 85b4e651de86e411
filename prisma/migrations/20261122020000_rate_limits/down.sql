-- Reverts 20261122020000_rate_limits.
DROP TABLE IF EXISTS "rate_limits";
