-- Nightscout sites (issue 16): a patient's Nightscout-compatible endpoint (/ns/<site id>/). The site IS a
-- device of type cgm (its id is the device's id, so revoking the device revokes the site and every client
-- at once). Its API secret is kept only as the two hashes Nightscout clients send in `api-secret`
-- (lower-case hex SHA-1 and SHA-512); the secret itself is shown once and never stored.
CREATE TABLE "nightscout_sites" (
    "device_id" UUID NOT NULL,
    "secret_sha1" TEXT NOT NULL,
    "secret_sha512" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "nightscout_sites_pkey" PRIMARY KEY ("device_id")
);
ALTER TABLE "nightscout_sites" ADD CONSTRAINT "nightscout_sites_device_id_fkey" FOREIGN KEY ("device_id") REFERENCES "devices"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Each uploader posting to a site (the entry's `device`: "xDrip-DexcomG6", "loop://iPhone") is a source
-- of its own: a device of type cgm of the same patient, found by the SHA-256 of the uploader's name (the
-- name itself is the device's encrypted name). Two uploaders relaying one sensor are then two sources
-- of the same CGM stream, which the pipeline deduplicates (dedup.md: 60 s and 2 mg/dL).
CREATE TABLE "nightscout_uploaders" (
    "site_id" UUID NOT NULL,
    "name_hash" TEXT NOT NULL,
    "device_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "nightscout_uploaders_pkey" PRIMARY KEY ("site_id", "name_hash")
);
CREATE UNIQUE INDEX "nightscout_uploaders_device_id_key" ON "nightscout_uploaders"("device_id");
ALTER TABLE "nightscout_uploaders" ADD CONSTRAINT "nightscout_uploaders_site_id_fkey" FOREIGN KEY ("site_id") REFERENCES "nightscout_sites"("device_id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "nightscout_uploaders" ADD CONSTRAINT "nightscout_uploaders_device_id_fkey" FOREIGN KEY ("device_id") REFERENCES "devices"("id") ON DELETE CASCADE ON UPDATE CASCADE;
