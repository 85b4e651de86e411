-- The e-mail outbox: every message is queued here in the transaction that causes it and delivered by the
-- mail job with retries (lib/mail). Address and template data are encrypted with the data key of the
-- account the message concerns; a deleted account takes its messages with it.
CREATE TYPE "MailStatus" AS ENUM ('QUEUED', 'SENDING', 'SENT', 'FAILED');

CREATE TABLE "mail_messages" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "user_id" UUID NOT NULL,
    "recipient_index" TEXT NOT NULL,
    "recipient_ciphertext" TEXT NOT NULL,
    "template" TEXT NOT NULL,
    "data_ciphertext" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "optional" BOOLEAN NOT NULL DEFAULT false,
    "status" "MailStatus" NOT NULL DEFAULT 'QUEUED',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL,
    "last_error" TEXT,
    "sent_at" TIMESTAMPTZ(3),
    "message_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "mail_messages_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "mail_messages_status_next_attempt_at_idx" ON "mail_messages"("status", "next_attempt_at");
CREATE INDEX "mail_messages_recipient_index_created_at_idx" ON "mail_messages"("recipient_index", "created_at");
CREATE INDEX "mail_messages_created_at_idx" ON "mail_messages"("created_at");
ALTER TABLE "mail_messages" ADD CONSTRAINT "mail_messages_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
