-- Shares name a registered recipient by id only: a recipient's e-mail is not kept on the share.
ALTER TABLE "share_tokens" DROP COLUMN IF EXISTS "recipient_email";
