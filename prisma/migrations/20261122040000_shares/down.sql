-- Reverts 20261122040000_shares (the dropped e-mails are not restored).
ALTER TABLE "share_tokens" ADD COLUMN IF NOT EXISTS "recipient_email" TEXT;
