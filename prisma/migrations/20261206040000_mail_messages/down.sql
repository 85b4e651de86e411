-- Drops the e-mail outbox (messages not yet delivered are lost).
DROP TABLE "mail_messages";
DROP TYPE "MailStatus";
