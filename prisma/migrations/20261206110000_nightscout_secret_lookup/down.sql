DROP INDEX "nightscout_sites_secret_sha512_key";
DROP INDEX "nightscout_sites_secret_sha1_key";
