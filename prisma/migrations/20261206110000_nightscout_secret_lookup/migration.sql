-- Nightscout at the host root (issue 16): Loop, Trio and xDrip+'s follower drop the /ns/<siteId>/ path,
-- so the site is found from the API secret alone, by the hash the client sends (SHA-1 hex, or SHA-512
-- hex). The secrets are 160 random bits: each hash is unique, and the index makes the lookup one probe.
CREATE UNIQUE INDEX "nightscout_sites_secret_sha1_key" ON "nightscout_sites"("secret_sha1");
CREATE UNIQUE INDEX "nightscout_sites_secret_sha512_key" ON "nightscout_sites"("secret_sha512");
