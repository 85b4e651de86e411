-- Restores the column shape only: encrypted addresses cannot be decrypted in SQL, so run this on a
-- database whose addresses are still plaintext (or re-enter them).
DROP INDEX "users_email_index_key";
ALTER TABLE "users" DROP COLUMN "email_index";
ALTER TABLE "users" RENAME COLUMN "email_ciphertext" TO "email";
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");
