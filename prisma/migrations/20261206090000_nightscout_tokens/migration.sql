-- Nightscout access tokens (issue 16): what a patient hands a follower or an app instead of the site's API
-- secret, each with one of Nightscout's roles (readable, careportal, devicestatus-upload, admin). The token
-- (`<name-slug>-<32 hex>`, 128 random bits) is shown once and never stored: only its SHA-256 (how `?token=`
-- and the raw token in `api-secret` are found) and its SHA-1 (what xDrip+, Loop and Trio send in
-- `api-secret` when the token is typed where the secret goes, as cgm-remote-monitor accepts). Either hash
-- finds the token, and through it its site. The name is encrypted with the owner's data key, like device
-- names. Revoking the site (its device) or the token stops it, and the JWTs issued for it, at once.
CREATE TABLE "nightscout_tokens" (
    "id" UUID NOT NULL,
    "site_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "token_sha256" TEXT NOT NULL,
    "token_sha1" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revoked_at" TIMESTAMPTZ(3),
    "last_used_at" TIMESTAMPTZ(3),
    CONSTRAINT "nightscout_tokens_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "nightscout_tokens_role_check" CHECK ("role" IN ('readable', 'careportal', 'devicestatus-upload', 'admin'))
);
CREATE UNIQUE INDEX "nightscout_tokens_token_sha256_key" ON "nightscout_tokens"("token_sha256");
CREATE UNIQUE INDEX "nightscout_tokens_token_sha1_key" ON "nightscout_tokens"("token_sha1");
CREATE INDEX "nightscout_tokens_site_id_idx" ON "nightscout_tokens"("site_id");
ALTER TABLE "nightscout_tokens" ADD CONSTRAINT "nightscout_tokens_site_id_fkey" FOREIGN KEY ("site_id") REFERENCES "nightscout_sites"("device_id") ON DELETE CASCADE ON UPDATE CASCADE;
