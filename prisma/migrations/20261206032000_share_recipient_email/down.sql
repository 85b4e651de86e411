-- Drops the typed recipient addresses; shares keep their recipient account id.
ALTER TABLE "share_tokens" DROP COLUMN "recipient_email";
