-- E-mail addresses encrypted with the user's data key and looked up through an HMAC blind index.
-- Existing addresses stay in place as plaintext in email_ciphertext with a null email_index (they cannot
-- sign in until then): `npm run keys:reencrypt` encrypts them and fills the index, as it does for the
-- other values written before encryption was deployed. Computing either needs the app's keys, not SQL.
DROP INDEX "users_email_key";
ALTER TABLE "users" RENAME COLUMN "email" TO "email_ciphertext";
ALTER TABLE "users" ADD COLUMN "email_index" TEXT;
CREATE UNIQUE INDEX "users_email_index_key" ON "users"("email_index");
